package dev.podgraph.importer.client;

import dev.podgraph.importer.client.DocumentResult.Status;
import java.util.ArrayList;
import java.util.List;

/** The outcome of a run, document by document, and the closing summary. */
public record ImportReport(List<DocumentResult> documents) {
  public ImportReport {
    documents = List.copyOf(documents);
  }

  public long count(Status status) {
    return documents.stream().filter(d -> d.status() == status).count();
  }

  public List<DocumentResult> failures() {
    return documents.stream().filter(d -> d.status() == Status.FAILED).toList();
  }

  private static String changes(List<Change> changes) {
    return changes.stream().filter(c -> c == Change.CREATED).count()
        + " created, "
        + changes.stream().filter(c -> c == Change.UPDATED).count()
        + " updated, "
        + changes.stream().filter(c -> c == Change.UNCHANGED).count()
        + " unchanged";
  }

  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Summary: "
            + count(Status.IMPORTED)
            + " imported, "
            + count(Status.UNCHANGED)
            + " unchanged, "
            + count(Status.FAILED)
            + " failed ("
            + documents.size()
            + " documents)");
    failures().forEach(f -> lines.add("  failed: " + f.document() + ": " + f.reason()));
    lines.add(
        "Episodes: "
            + changes(documents.stream().flatMap(d -> d.episodes().values().stream()).toList())
            + "; people: "
            + changes(
                documents.stream()
                    .flatMap(d -> d.people().entrySet().stream())
                    .collect(
                        java.util.stream.Collectors.toMap(
                            java.util.Map.Entry::getKey,
                            java.util.Map.Entry::getValue,
                            Change::and))
                    .values()
                    .stream()
                    .toList()));
    return lines;
  }
}
