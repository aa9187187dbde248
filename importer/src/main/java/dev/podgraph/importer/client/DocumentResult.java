package dev.podgraph.importer.client;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What happened to one document: imported (something was created or updated), unchanged, or failed
 * with the reason. {@code episodes} maps episode number to what happened to it, in file order.
 */
public record DocumentResult(
    String document, Status status, Map<Integer, Change> episodes, String reason) {
  public enum Status {
    IMPORTED,
    UNCHANGED,
    FAILED
  }

  static DocumentResult failed(String document, String reason, Map<Integer, Change> done) {
    return new DocumentResult(document, Status.FAILED, done, reason);
  }

  static DocumentResult of(String document, Map<Integer, Change> episodes) {
    boolean changed = episodes.values().stream().anyMatch(c -> c != Change.UNCHANGED);
    return new DocumentResult(
        document, changed ? Status.IMPORTED : Status.UNCHANGED, episodes, null);
  }

  /** One progress line: "seed.txt: imported (#210 created, #201 unchanged)". */
  public String line() {
    String detail =
        episodes.entrySet().stream()
            .map(
                e ->
                    "#" + e.getKey() + " " + e.getValue().name().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.joining(", "));
    String text = document + ": " + status.name().toLowerCase(java.util.Locale.ROOT);
    if (!detail.isEmpty()) {
      text += " (" + detail + ")";
    }
    return reason == null ? text : text + ": " + reason;
  }
}
