package dev.podgraph.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service of the system, running as a child JVM whose output goes to a log file. */
final class ServiceProcess {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final Path jar;
  private final int port;
  private final int managementPort;
  private final Map<String, String> env;
  private final Path log;
  private final Process process;

  private ServiceProcess(
      String name,
      Path jar,
      int port,
      int managementPort,
      Map<String, String> env,
      Path log,
      Process process) {
    this.name = name;
    this.jar = jar;
    this.port = port;
    this.managementPort = managementPort;
    this.env = env;
    this.log = log;
    this.process = process;
  }

  static ServiceProcess start(
      String name, Path jar, int port, int managementPort, Map<String, String> env, Path logs) {
    return start(name, jar, port, managementPort, env, logs, false);
  }

  private static ServiceProcess start(
      String name,
      Path jar,
      int port,
      int managementPort,
      Map<String, String> env,
      Path logs,
      boolean appendLog) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(name + " is not built: " + jar + " is missing");
    }
    try {
      Files.createDirectories(logs);
      Path log = logs.resolve(name + ".log");
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = new ArrayList<>(List.of(java));
      command.addAll(StartupCache.jvmOptions(jar, env));
      command.addAll(List.of("-jar", jar.toString()));
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().putAll(env);
      pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
      // Health and metrics: the management interface on its own port (every packaged jar).
      pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
      // A restarted service keeps the log of its earlier life.
      pb.redirectErrorStream(true)
          .redirectOutput(
              appendLog
                  ? ProcessBuilder.Redirect.appendTo(log.toFile())
                  : ProcessBuilder.Redirect.to(log.toFile()));
      return new ServiceProcess(name, jar, port, managementPort, Map.copyOf(env), log, pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + name, e);
    }
  }

  /** The same service (jar, port, settings) as a new process; this one must have stopped. */
  ServiceProcess startAgain() {
    return startAgain(Map.of());
  }

  /** As {@link #startAgain()}, with some settings changed or added. */
  ServiceProcess startAgain(Map<String, String> changedEnv) {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    Map<String, String> merged = new java.util.HashMap<>(env);
    merged.putAll(changedEnv);
    return start(name, jar, port, managementPort, merged, log.getParent(), true);
  }

  /** Sends a POSIX signal (STOP, CONT, ...) to the process with kill(1). */
  void signal(String signal) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
            .redirectErrorStream(true)
            .start();
    if (kill.waitFor() != 0) {
      throw new IOException(
          "kill -"
              + signal
              + " "
              + process.pid()
              + ": "
              + new String(kill.getInputStream().readAllBytes()));
    }
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Where the service serves health and metrics (its management interface). */
  String managementUrl() {
    return "http://127.0.0.1:" + managementPort;
  }

  Process process() {
    return process;
  }

  /** Whether this process was started with the service's JVM AOT cache. */
  boolean usesStartupCache() {
    return StartupCache.jvmOptions(jar, env).size() > 0;
  }

  /** Polls the readiness endpoint until it answers 200, the process dies, or time runs out. */
  void awaitReady(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with code " + process.exitValue() + " during start-up; see " + log);
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet: poll again.
      }
      process.waitFor(250, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
  }

  void stop() {
    if (!process.isAlive()) {
      return;
    }
    try {
      signal("CONT"); // a paused process would hold SIGTERM until it is thawed
    } catch (IOException e) {
      // kill(1) missing or the process just exited: destroy() below still applies.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
