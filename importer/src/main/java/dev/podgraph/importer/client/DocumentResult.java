package dev.podgraph.importer.client;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What happened to one document: imported (something was created or updated), unchanged, or failed
 * with the reason. {@code episodes} maps episode number to what happened to it, in file order;
 * {@code people} maps the slug of each person the document names to what happened to them (created
 * or updated by this document, an appearance added, or unchanged); {@code decisions} says for each
 * name in the notes whom it was taken to be and by which rule.
 */
public record DocumentResult(
    String document,
    Status status,
    Map<Integer, Change> episodes,
    Map<String, Change> people,
    List<String> decisions,
    String reason) {
  public enum Status {
    IMPORTED,
    UNCHANGED,
    FAILED
  }

  public DocumentResult {
    // Copies that keep the order: episodes in file order, people in the order they are named.
    episodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(episodes));
    people = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(people));
    decisions = List.copyOf(decisions);
  }

  static DocumentResult failed(String document, String reason, Map<Integer, Change> done) {
    return new DocumentResult(document, Status.FAILED, done, Map.of(), List.of(), reason);
  }

  static DocumentResult failed(
      String document,
      String reason,
      Map<Integer, Change> done,
      Map<String, Change> people,
      List<String> decisions) {
    return new DocumentResult(document, Status.FAILED, done, people, decisions, reason);
  }

  static DocumentResult of(
      String document,
      Map<Integer, Change> episodes,
      Map<String, Change> people,
      List<String> decisions) {
    boolean changed =
        episodes.values().stream().anyMatch(c -> c != Change.UNCHANGED)
            || people.values().stream().anyMatch(c -> c != Change.UNCHANGED);
    return new DocumentResult(
        document, changed ? Status.IMPORTED : Status.UNCHANGED, episodes, people, decisions, null);
  }

  /**
   * One progress line: "seed.txt: imported (#210 created, #201 unchanged; people: tobias-macey
   * created, david-holmes created)". Episodes in number order, people in name order.
   */
  public String line() {
    String detail =
        episodes.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> "#" + e.getKey() + " " + lower(e.getValue()))
            .collect(Collectors.joining(", "));
    String cast =
        people.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + " " + lower(e.getValue()))
            .collect(Collectors.joining(", "));
    if (!cast.isEmpty()) {
      detail = (detail.isEmpty() ? "" : detail + "; ") + "people: " + cast;
    }
    String text = document + ": " + lower(status);
    if (!detail.isEmpty()) {
      text += " (" + detail + ")";
    }
    return reason == null ? text : text + ": " + reason;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
