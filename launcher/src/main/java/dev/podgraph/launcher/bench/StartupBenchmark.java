package dev.podgraph.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.launcher.PodgraphSystem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * How fast the system is from its first request, with and without the JVM AOT cache: each trial
 * stops all three services of a seeded system and starts them again cold (catalog-service,
 * guest-service, then the gateway, each timed from process start to ready), sends the fan-out query
 * as soon as the gateway is ready (time to first answer), then measures the first 10 s of load, a
 * 10 s warm-up, and 10 s warm. {@code ./mvnw -Pstartup package}. Settings: PODGRAPH_STARTUP_TRIALS
 * (2 per mode, alternating), PODGRAPH_STARTUP_SECONDS (10), PODGRAPH_STARTUP_CONCURRENCY (32).
 */
public final class StartupBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SERVICES =
      List.of("catalog-service", "guest-service", "gateway");

  record Trial(
      boolean cache,
      double catalogReadyMs,
      double guestReadyMs,
      double gatewayReadyMs,
      double firstAnswerMs,
      LoadRun.Result first,
      LoadRun.Result warm,
      long rssMb) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final int trials = BenchSystem.setting("PODGRAPH_STARTUP_TRIALS", 2);
  private final int seconds = BenchSystem.setting("PODGRAPH_STARTUP_SECONDS", 10);
  private final int concurrency = BenchSystem.setting("PODGRAPH_STARTUP_CONCURRENCY", 32);

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    new StartupBenchmark().run(root);
    System.exit(0);
  }

  private void run(Path root) throws Exception {
    List<Trial> results = new ArrayList<>();
    try (PodgraphSystem system = BenchSystem.startSeeded(root, "startup", 7)) {
      for (int i = 0; i < trials; i++) {
        // Alternate which mode goes first, so neither always meets a warmer page cache.
        for (boolean cache : i % 2 == 0 ? List.of(true, false) : List.of(false, true)) {
          Trial trial = trial(system, cache);
          results.add(trial);
          System.out.printf(
              "[startup] AOT cache %s: ready catalog %.0f ms, guest %.0f ms, gateway %.0f ms;"
                  + " first answer %.0f ms after the gateway started; first %d s %.0f req/s, warm"
                  + " %.0f req/s%n",
              cache ? "on" : "off",
              trial.catalogReadyMs(),
              trial.guestReadyMs(),
              trial.gatewayReadyMs(),
              trial.firstAnswerMs(),
              seconds,
              trial.first().perSecond(),
              trial.warm().perSecond());
        }
      }
    }
    print(results);
  }

  private Trial trial(PodgraphSystem system, boolean cache) throws Exception {
    for (int i = SERVICES.size() - 1; i >= 0; i--) {
      system.stop(SERVICES.get(i));
    }
    Map<String, String> env = Map.of("PODGRAPH_AOT_CACHE", Boolean.toString(cache));
    double catalog = timed(() -> system.restart("catalog-service", env));
    double guest = timed(() -> system.restart("guest-service", env));
    long gatewayStart = System.nanoTime();
    system.restart("gateway", env);
    double gatewayReady = (System.nanoTime() - gatewayStart) / 1e6;
    if (system.usesStartupCache("gateway") != cache) {
      throw new IllegalStateException(
          "asked for AOT cache " + cache + " but the gateway could not honour it (no app.aot?)");
    }
    URI graphql = URI.create(system.graphqlUrl());
    // The first full answer: on a busy machine a cold subgraph can miss the gateway's deadline
    // on its first requests (an UNAVAILABLE answer), and what a user waits for is data.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        expectData(post(graphql));
        break;
      } catch (IllegalStateException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
    }
    double firstAnswer = (System.nanoTime() - gatewayStart) / 1e6;
    LoadRun.Operation frontPage = () -> expectData(post(graphql));
    Duration window = Duration.ofSeconds(seconds);
    LoadRun.Result first = LoadRun.run("first", frontPage, concurrency, window, Long.MAX_VALUE);
    LoadRun.run("warm-up", frontPage, concurrency, window, Long.MAX_VALUE);
    LoadRun.Result warm = LoadRun.run("warm", frontPage, concurrency, window, Long.MAX_VALUE);
    long rss = 0;
    for (String service : SERVICES) {
      rss += rssMb(system.pid(service));
    }
    return new Trial(cache, catalog, guest, gatewayReady, firstAnswer, first, warm, rss);
  }

  private void print(List<Trial> trials) {
    System.out.println();
    System.out.printf(
        "Start-up, %d cores, load average %s at the end; median of %d trials per mode;"
            + " fan-out query at %d connections%n",
        Runtime.getRuntime().availableProcessors(), loadAverage(), this.trials, concurrency);
    System.out.println(
        "| AOT cache | catalog ready ms | guest ready ms | gateway ready ms | first full answer ms |"
            + " first "
            + seconds
            + " s req/s | first "
            + seconds
            + " s p50 ms | first "
            + seconds
            + " s errors | warm req/s | first / warm | RSS of the three MB |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (boolean cache : List.of(false, true)) {
      List<Trial> mode = trials.stream().filter(t -> t.cache() == cache).toList();
      double first = median(mode, t -> t.first().perSecond());
      double warm = median(mode, t -> t.warm().perSecond());
      System.out.printf(
          "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f | %.0f | %.0f | %.0f%% | %.0f |%n",
          cache ? "on" : "off",
          median(mode, Trial::catalogReadyMs),
          median(mode, Trial::guestReadyMs),
          median(mode, Trial::gatewayReadyMs),
          median(mode, Trial::firstAnswerMs),
          first,
          median(mode, t -> t.first().latency().getValueAtPercentile(50) / 1e6),
          median(mode, t -> (double) t.first().errors()),
          warm,
          100 * first / warm,
          median(mode, t -> (double) t.rssMb()));
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private static double timed(Step step) throws Exception {
    long t0 = System.nanoTime();
    step.run();
    return (System.nanoTime() - t0) / 1e6;
  }

  private JsonNode post(URI uri) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(Map.of("query", GatewayComparison.FAN_OUT))))
            .build();
    return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
  }

  private static JsonNode expectData(JsonNode answer) {
    if (answer.has("errors") || !answer.path("data").isObject()) {
      throw new IllegalStateException("unexpected answer: " + answer);
    }
    return answer.path("data");
  }

  private static long rssMb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return 0;
  }

  private static double median(List<Trial> trials, ToDoubleFunction<Trial> value) {
    double[] sorted = trials.stream().mapToDouble(value).sorted().toArray();
    int n = sorted.length;
    return n == 0
        ? Double.NaN
        : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
