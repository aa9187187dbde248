package dev.podgraph.launcher.bench;

import dev.podgraph.devinfra.DevTokens;
import dev.podgraph.importer.ImportMain;
import dev.podgraph.importer.client.ImportReport;
import dev.podgraph.launcher.PodgraphSystem;
import dev.podgraph.launcher.RunPorts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** What the measuring mains share: a seeded system of their own, and their settings. */
final class BenchSystem {
  private BenchSystem() {}

  /**
   * The whole system on free ports with fresh databases {@code catalog_<name>} and {@code
   * guest_<name>} and Redis databases {@code firstRedisDatabase} and the two after, seeded with the
   * project's show notes through the gateway.
   */
  static PodgraphSystem startSeeded(Path root, String name, int firstRedisDatabase)
      throws IOException, InterruptedException {
    RunPorts ports = RunPorts.free();
    PodgraphSystem system =
        PodgraphSystem.start(
            new PodgraphSystem.Layout(
                root,
                root.resolve("launcher/target/" + name),
                ports,
                "catalog_" + name,
                "guest_" + name,
                firstRedisDatabase,
                true));
    // A freshly started system on a busy machine may miss the gateway's subgraph deadline on its
    // first writes; importing again is safe (the same text changes nothing), so retry a few times.
    for (int attempt = 1; ; attempt++) {
      ImportReport report =
          ImportMain.importAll(
              List.of(ImportMain.seed()),
              URI.create(system.graphqlUrl()),
              DevTokens.editor(),
              true,
              new PrintStream(OutputStream.nullOutputStream()));
      if (report.failures().isEmpty()) {
        return system;
      }
      if (attempt == 5) {
        system.close();
        throw new IllegalStateException("seed import failed: " + report.summary());
      }
    }
  }

  /** An integer setting from the environment. */
  static int setting(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
