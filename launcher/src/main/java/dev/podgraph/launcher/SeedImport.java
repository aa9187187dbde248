package dev.podgraph.launcher;

import dev.podgraph.importer.ImportMain;
import dev.podgraph.importer.client.ImportReport;
import java.net.URI;
import java.util.List;

/** Imports the project's default show notes (its copy of the seeds) through the gateway. */
final class SeedImport {
  private SeedImport() {}

  static ImportReport run(String graphqlUrl, String editorToken) {
    ImportReport report =
        ImportMain.importAll(
            List.of(ImportMain.seed()), URI.create(graphqlUrl), editorToken, true, System.out);
    report.summary().forEach(line -> PodgraphRun.say("%s", line));
    return report;
  }
}
