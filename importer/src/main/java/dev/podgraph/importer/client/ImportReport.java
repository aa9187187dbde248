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
    return lines;
  }
}
