package dev.podgraph.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.launcher.PodgraphSystem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the front page's fan-out query costs the subgraphs: requests each subgraph serves and CPU
 * each service burns per client request, read from their Prometheus metrics ({@code
 * http_server_requests_seconds_count{uri="/graphql"}}, {@code process_cpu_time_ns_total}) before
 * and after each scenario. Scenarios: the gateway as configured by default, then restarted with its
 * entity/response cache on; each with one caller (every request pays its own fetches) and with many
 * (identical fetches in flight are deduplicated). Settings: PODGRAPH_BENCH_SECONDS (default 20),
 * PODGRAPH_BENCH_CONCURRENCY (16), PODGRAPH_BENCH_WARMUP_SECONDS (10).
 */
public final class FanOutCost {
  static final String QUERY =
      "{ episodes(first: 10) { edges { node { number title guests { name episodes { number title }"
          + " } } } } }";
  private static final String[] SERVICES = {"catalog-service", "guest-service", "gateway"};
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private record Sample(double requests, double cpuNanos) {}

  private record Row(LoadRun.Result load, Map<String, Sample> cost) {}

  private FanOutCost() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    int seconds = BenchSystem.setting("PODGRAPH_BENCH_SECONDS", 20);
    int concurrency = BenchSystem.setting("PODGRAPH_BENCH_CONCURRENCY", 16);
    int warmup = BenchSystem.setting("PODGRAPH_BENCH_WARMUP_SECONDS", 10);
    try (PodgraphSystem system = BenchSystem.startSeeded(root, "fanout", 10)) {
      List<Row> rows = new ArrayList<>();
      rows.add(measure(system, "gateway cache off (default)", 1, seconds, warmup));
      rows.add(measure(system, "gateway cache off (default)", concurrency, seconds, 0));
      system.restart("gateway", Map.of("GATEWAY_ENTITY_CACHE_ENABLED", "true"));
      rows.add(measure(system, "gateway cache on", 1, seconds, warmup));
      rows.add(measure(system, "gateway cache on", concurrency, seconds, 0));
      print(rows, seconds, warmup);
    }
    System.exit(0);
  }

  private static Row measure(
      PodgraphSystem system, String name, int concurrency, int seconds, int warmup)
      throws Exception {
    URI gateway = URI.create(system.graphqlUrl());
    LoadRun.Operation query = () -> expectData(gateway);
    query.call();
    if (warmup > 0) {
      LoadRun.run("warm-up", query, concurrency, Duration.ofSeconds(warmup), Long.MAX_VALUE);
    }
    Map<String, Sample> before = samples(system);
    LoadRun.Result load =
        LoadRun.run(
            name + ", c=" + concurrency,
            query,
            concurrency,
            Duration.ofSeconds(seconds),
            Long.MAX_VALUE);
    Map<String, Sample> after = samples(system);
    Map<String, Sample> cost = new LinkedHashMap<>();
    for (String service : SERVICES) {
      cost.put(
          service,
          new Sample(
              after.get(service).requests() - before.get(service).requests(),
              after.get(service).cpuNanos() - before.get(service).cpuNanos()));
    }
    return new Row(load, cost);
  }

  private static void print(List<Row> rows, int seconds, int warmup) {
    System.out.println();
    System.out.println("Query: " + QUERY);
    System.out.printf(
        "Machine: %d cores; each scenario %d s, after a %d s warm-up per gateway configuration;"
            + " c = concurrent callers%n",
        Runtime.getRuntime().availableProcessors(), seconds, warmup);
    System.out.println(
        "| scenario | ops/s | p50 ms | p99 ms | catalog req/op | guest req/op"
            + " | catalog CPU ms/op | guest CPU ms/op | gateway CPU ms/op |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (Row row : rows) {
      double ops = Math.max(1, row.load().operations());
      Sample catalog = row.cost().get("catalog-service");
      Sample guest = row.cost().get("guest-service");
      Sample gateway = row.cost().get("gateway");
      System.out.printf(
          "| %s | %.0f | %.1f | %.1f | %.2f | %.2f | %.3f | %.3f | %.3f |%n",
          row.load().name(),
          row.load().perSecond(),
          row.load().latency().getValueAtPercentile(50) / 1e6,
          row.load().latency().getValueAtPercentile(99) / 1e6,
          catalog.requests() / ops,
          guest.requests() / ops,
          catalog.cpuNanos() / ops / 1e6,
          guest.cpuNanos() / ops / 1e6,
          gateway.cpuNanos() / ops / 1e6);
      if (row.load().errors() > 0) {
        System.out.printf("  (%d failed operations)%n", row.load().errors());
      }
    }
  }

  private static Map<String, Sample> samples(PodgraphSystem system)
      throws IOException, InterruptedException {
    Map<String, Sample> samples = new LinkedHashMap<>();
    for (String service : SERVICES) {
      String text =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(system.managementUrl(service) + "/q/metrics"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      double requests = 0;
      double cpu = 0;
      for (String line : text.lines().toList()) {
        if (line.startsWith("http_server_requests_seconds_count{")
            && line.contains("uri=\"/graphql\"")) {
          requests += value(line);
        } else if (line.startsWith("process_cpu_time_ns_total")) {
          cpu = value(line);
        }
      }
      samples.put(service, new Sample(requests, cpu));
    }
    return samples;
  }

  /** A Prometheus sample's value: the token after the name and labels, before any exemplar. */
  static double value(String line) {
    int exemplar = line.indexOf(" # ");
    String sample = exemplar < 0 ? line : line.substring(0, exemplar);
    int labels = sample.lastIndexOf('}');
    String rest =
        labels < 0 ? sample.substring(sample.indexOf(' ') + 1) : sample.substring(labels + 1);
    return Double.parseDouble(rest.trim().split("\\s+")[0]);
  }

  private static void expectData(URI gateway) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(gateway)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(Map.of("query", QUERY))))
            .build();
    JsonNode answer =
        JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
    if (answer.has("errors") || !answer.path("data").path("episodes").isObject()) {
      throw new IllegalStateException("unexpected answer: " + answer);
    }
  }
}
