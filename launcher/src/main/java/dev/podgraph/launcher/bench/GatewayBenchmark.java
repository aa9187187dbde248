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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures the query through the gateway, and the same data fetched from the subgraphs
 * directly by a client that already knows the plan (the three requests the gateway sends), so the
 * difference is the gateway's overhead. Settings: PODGRAPH_BENCH_SECONDS (default 20),
 * PODGRAPH_BENCH_CONCURRENCY (default 16), PODGRAPH_BENCH_WARMUP_SECONDS (default 10).
 */
public final class GatewayBenchmark {
  static final String QUERY =
      "{ episodes(first: 10) { edges { node { number title guests { name episodes { number } } } } } }";
  private static final String CATALOG_PAGE =
      "{ episodes(first: 10) { edges { node { __typename id number title } } } }";
  private static final String GUESTS_OF_EPISODES =
      "query($r: [_Any!]!) { _entities(representations: $r) { ... on Episode {"
          + " guests { name episodes { __typename id } } } } }";
  private static final String NUMBERS_OF_EPISODES =
      "query($r: [_Any!]!) { _entities(representations: $r) { ... on Episode { number } } }";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    int seconds = BenchSystem.setting("PODGRAPH_BENCH_SECONDS", 20);
    int concurrency = BenchSystem.setting("PODGRAPH_BENCH_CONCURRENCY", 16);
    int warmup = BenchSystem.setting("PODGRAPH_BENCH_WARMUP_SECONDS", 10);
    try (PodgraphSystem system = BenchSystem.startSeeded(root, "bench", 7)) {
      new GatewayBenchmark().measure(system, seconds, concurrency, warmup);
    }
    System.exit(0);
  }

  private void measure(PodgraphSystem system, int seconds, int concurrency, int warmup)
      throws Exception {
    URI gateway = URI.create(system.graphqlUrl());
    URI catalog = URI.create(system.baseUrl("catalog-service") + "/graphql");
    URI guest = URI.create(system.baseUrl("guest-service") + "/graphql");
    LoadRun.Operation throughGateway = () -> expectData(post(gateway, QUERY, Map.of()));
    LoadRun.Operation direct = () -> directly(catalog, guest);
    expectData(post(gateway, QUERY, Map.of()));
    direct.call();

    Duration run = Duration.ofSeconds(seconds);
    LoadRun.run("warm-up", throughGateway, concurrency, Duration.ofSeconds(warmup), Long.MAX_VALUE);
    LoadRun.run("warm-up", direct, concurrency, Duration.ofSeconds(warmup), Long.MAX_VALUE);
    List<LoadRun.Result> results = new ArrayList<>();
    results.add(LoadRun.run("gateway, c=1", throughGateway, 1, run, Long.MAX_VALUE));
    results.add(LoadRun.run("subgraphs directly, c=1", direct, 1, run, Long.MAX_VALUE));
    results.add(
        LoadRun.run("gateway, c=" + concurrency, throughGateway, concurrency, run, Long.MAX_VALUE));
    results.add(
        LoadRun.run(
            "subgraphs directly, c=" + concurrency, direct, concurrency, run, Long.MAX_VALUE));

    System.out.println();
    System.out.println("Query: " + QUERY);
    System.out.printf(
        "Machine: %d cores; each scenario %d s after a %d s warm-up; c = concurrent callers%n",
        Runtime.getRuntime().availableProcessors(), seconds, warmup);
    System.out.println(LoadRun.Result.header());
    results.forEach(r -> System.out.println(r.row()));
    double overhead =
        (results.get(0).latency().getValueAtPercentile(50)
                - results.get(1).latency().getValueAtPercentile(50))
            / 1e6;
    System.out.printf("Gateway overhead at c=1, p50: %.2f ms%n", overhead);
  }

  /** What the gateway does for QUERY, done by hand: three requests in sequence. */
  private void directly(URI catalog, URI guest) throws Exception {
    JsonNode page = expectData(post(catalog, CATALOG_PAGE, Map.of()));
    List<Map<String, Object>> episodes = new ArrayList<>();
    for (JsonNode edge : page.path("episodes").path("edges")) {
      episodes.add(Map.of("__typename", "Episode", "id", edge.path("node").path("id").asText()));
    }
    JsonNode guests = expectData(post(guest, GUESTS_OF_EPISODES, Map.of("r", episodes)));
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode episode : guests.path("_entities")) {
      for (JsonNode person : episode.path("guests")) {
        person.path("episodes").forEach(e -> ids.add(e.path("id").asText()));
      }
    }
    List<Map<String, Object>> refs = new ArrayList<>();
    ids.forEach(id -> refs.add(Map.of("__typename", "Episode", "id", id)));
    expectData(post(catalog, NUMBERS_OF_EPISODES, Map.of("r", refs)));
  }

  private JsonNode post(URI uri, String query, Map<String, Object> variables)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(Map.of("query", query, "variables", variables))))
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return JSON.readTree(response.body());
  }

  private static JsonNode expectData(JsonNode answer) {
    if (answer.has("errors") || !answer.path("data").isObject()) {
      throw new IllegalStateException("unexpected answer: " + answer);
    }
    return answer.path("data");
  }
}
