package dev.podgraph.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Node federation gateways the comparison runs beside Podgraph's, installed from the npm
 * registry with the versions pinned in {@code launcher/src/bench/node/package-lock.json} into a
 * scratch folder under {@code launcher/target/}, each started as its own process over a supergraph
 * file.
 */
enum NodeGateway {
  APOLLO("apollo", "Apollo Gateway", "@apollo/gateway", false),
  HIVE("hive", "Hive Gateway", "@graphql-hive/gateway", false),
  HIVE_RUST("hive-rust", "Hive Gateway + Rust query planner", "@graphql-hive/router-runtime", true);

  private static final ObjectMapper JSON = new ObjectMapper();

  final String key;
  private final String title;
  private final String npmPackage;
  private final boolean routerRuntime;

  NodeGateway(String key, String title, String npmPackage, boolean routerRuntime) {
    this.key = key;
    this.title = title;
    this.npmPackage = npmPackage;
    this.routerRuntime = routerRuntime;
  }

  /** The title with the installed package's version, as the table prints it. */
  String label(Path installed) throws IOException {
    Path manifest = installed.resolve("node_modules").resolve(npmPackage).resolve("package.json");
    String version = JSON.readTree(manifest.toFile()).path("version").asText();
    return title + " (" + npmPackage + " " + version + ")";
  }

  /**
   * Copies the package files into {@code launcher/target/node-gateways} and runs {@code npm ci}
   * there unless the same lockfile was installed already. Returns the folder.
   */
  static Path install(Path root) throws IOException, InterruptedException {
    Path source = root.resolve("launcher/src/bench/node");
    Path dir = root.resolve("launcher/target/node-gateways");
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path lock = dir.resolve("package-lock.json");
    Path installed = dir.resolve("node_modules/.podgraph-installed-lock.json");
    if (Files.isRegularFile(installed) && Files.mismatch(lock, installed) == -1) {
      return dir;
    }
    Path log = dir.resolve("npm-ci.log");
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!npm.waitFor(15, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      npm.destroyForcibly();
      throw new IllegalStateException("npm ci failed in " + dir + "; see " + log);
    }
    Files.copy(lock, installed, StandardCopyOption.REPLACE_EXISTING);
    return dir;
  }

  /** Starts this gateway on {@code port} over {@code supergraph}; output goes to {@code log}. */
  Process start(Path installed, Path supergraph, int port, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of("node", "--import", "./polyfill.mjs"));
    if (this == APOLLO) {
      command.addAll(List.of("apollo-gateway.mjs", supergraph.toString(), Integer.toString(port)));
    } else {
      command.addAll(
          List.of(
              "node_modules/@graphql-hive/gateway/dist/bin.js",
              "supergraph",
              supergraph.toString(),
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(port),
              "--fork",
              "1"));
      if (routerRuntime) {
        command.add("--hive-router-runtime");
      }
    }
    Files.createDirectories(log.getParent());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(installed.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("NODE_ENV", "production");
    return pb.start();
  }

  /** Stops a gateway started by {@link #start} and whatever workers it forked. */
  static void stop(Process process) throws InterruptedException {
    List<ProcessHandle> workers = process.descendants().toList();
    process.destroy();
    workers.forEach(ProcessHandle::destroy);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      workers.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
