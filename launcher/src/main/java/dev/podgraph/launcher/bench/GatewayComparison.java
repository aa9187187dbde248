package dev.podgraph.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.launcher.PodgraphSystem;
import dev.podgraph.launcher.RunPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Podgraph's gateway against the Node gateways people run (Apollo Gateway, Hive Gateway, Hive
 * Gateway with the Rust query planner), over the same running catalog-service and guest-service and
 * the same supergraph file (the committed one, pointed at them). For each gateway alone, in turn:
 * requests per second, p50/p99 latency and the gateway's CPU time per request (its process tree's,
 * from /proc) for the front-page fan-out query and for a mix of 50 or so different operations and
 * variables where deduplicating identical subgraph fetches cannot help. {@code ./mvnw -Pcompare
 * package}. Settings: PODGRAPH_COMPARE_SECONDS (10 per round), _ROUNDS (2, the median is printed),
 * _WARMUP_SECONDS (30, discarded: the first gateway measured also warms the subgraphs' JIT),
 * _CONCURRENCY (32 connections), _GATEWAYS (which to run: podgraph,apollo,hive,hive-rust).
 */
public final class GatewayComparison {
  /** The front page of issue #13: one catalog page, guests of each episode, their episodes. */
  static final String FAN_OUT =
      "{ episodes(first: 10) { edges { node { number title guests { name episodes { number title"
          + " } } } } } }";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One GraphQL request: an operation and its variables. */
  record Request(String query, Map<String, Object> variables) {}

  /** What one gateway measured on one workload: the median of its rounds. */
  record Row(String gateway, String workload, List<LoadRun.Result> rounds, List<Double> cpuMs) {
    double perSecond() {
      return median(rounds.stream().mapToDouble(LoadRun.Result::perSecond).toArray());
    }

    double p(double percentile) {
      return median(
          rounds.stream()
              .mapToDouble(r -> r.latency().getValueAtPercentile(percentile) / 1e6)
              .toArray());
    }

    double cpuPerRequest() {
      double[] each = new double[rounds.size()];
      for (int i = 0; i < each.length; i++) {
        // Per request answered, failed ones included: they cost the gateway too.
        LoadRun.Result round = rounds.get(i);
        each[i] = cpuMs.get(i) / Math.max(1, round.operations() + round.errors());
      }
      return median(each);
    }

    long errors() {
      return rounds.stream().mapToLong(LoadRun.Result::errors).sum();
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final int seconds = BenchSystem.setting("PODGRAPH_COMPARE_SECONDS", 10);
  private final int rounds = BenchSystem.setting("PODGRAPH_COMPARE_ROUNDS", 2);
  private final int warmup = BenchSystem.setting("PODGRAPH_COMPARE_WARMUP_SECONDS", 30);
  private final int concurrency = BenchSystem.setting("PODGRAPH_COMPARE_CONCURRENCY", 32);
  private final Set<String> only = gatewaysToRun();
  private int mixedSize;

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    new GatewayComparison().run(root);
    System.exit(0);
  }

  private void run(Path root) throws Exception {
    Path installed = null;
    if (only.stream().anyMatch(k -> !k.equals("podgraph"))) {
      say("installing the Node gateways (npm ci, pinned in launcher/src/bench/node)");
      installed = NodeGateway.install(root);
    }
    Path work = root.resolve("launcher/target/compare");
    List<Row> rows = new ArrayList<>();
    try (PodgraphSystem system = BenchSystem.startSeeded(root, "compare", 7)) {
      Path supergraph = writeSupergraph(root, system, work);
      // Podgraph's gateway as production runs it: from the same supergraph file as the others.
      system.restart("gateway", Map.of("GATEWAY_SUPERGRAPH", supergraph.toString()));
      URI podgraph = URI.create(system.graphqlUrl());
      List<Request> mixed = mixedWorkload(podgraph);
      mixedSize = mixed.size();
      Map<Request, JsonNode> expected = new LinkedHashMap<>();
      for (Request r : concat(List.of(new Request(FAN_OUT, Map.of())), mixed)) {
        expected.put(r, firstData(podgraph, r));
      }
      say(
          "system ready (AOT cache: %s); mixed workload: %d operations",
          system.usesStartupCache("gateway") ? "used" : "not used", mixed.size());

      if (only.contains("podgraph")) {
        rows.addAll(measure("Podgraph", podgraph, system.pid("gateway"), mixed, expected));
      }
      for (NodeGateway node : NodeGateway.values()) {
        if (!only.contains(node.key)) {
          continue;
        }
        int port = RunPorts.free().gateway();
        Process process =
            node.start(installed, supergraph, port, work.resolve("logs/" + node.key + ".log"));
        try {
          URI uri = URI.create("http://127.0.0.1:" + port + "/graphql");
          awaitAnswer(uri, process, node.key);
          rows.addAll(measure(node.label(installed), uri, process.pid(), mixed, expected));
        } finally {
          NodeGateway.stop(process);
        }
      }
    }
    print(rows);
  }

  private List<Row> measure(
      String gateway, URI uri, long pid, List<Request> mixed, Map<Request, JsonNode> expected)
      throws Exception {
    int same = 0;
    for (Map.Entry<Request, JsonNode> e : expected.entrySet()) {
      if (e.getValue().equals(data(post(uri, e.getKey())))) {
        same++;
      }
    }
    say(
        "%s: %d of %d answers identical to Podgraph's before measuring; load average %s",
        gateway, same, expected.size(), loadAverage());
    Request fanOut = new Request(FAN_OUT, Map.of());
    AtomicLong next = new AtomicLong();
    List<Row> rows = new ArrayList<>();
    rows.add(measure(gateway, "fan-out", uri, pid, () -> expectData(post(uri, fanOut))));
    rows.add(
        measure(
            gateway,
            "mixed",
            uri,
            pid,
            () -> expectData(post(uri, mixed.get((int) (next.getAndIncrement() % mixed.size()))))));
    return rows;
  }

  private Row measure(
      String gateway, String workload, URI uri, long pid, LoadRun.Operation measured)
      throws Exception {
    AtomicReference<String> firstError = new AtomicReference<>();
    LoadRun.Operation operation =
        () -> {
          try {
            measured.call();
          } catch (Exception e) {
            firstError.compareAndSet(null, String.valueOf(e.getMessage()));
            throw e;
          }
        };
    LoadRun.run("warm-up", operation, concurrency, Duration.ofSeconds(warmup), Long.MAX_VALUE);
    List<LoadRun.Result> results = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      double before = ProcessCpu.millis(pid);
      results.add(
          LoadRun.run(
              workload, operation, concurrency, Duration.ofSeconds(seconds), Long.MAX_VALUE));
      cpu.add(ProcessCpu.millis(pid) - before);
    }
    Row row = new Row(gateway, workload, results, cpu);
    say(
        "%s, %s: %.0f requests/s, p50 %.1f ms, p99 %.1f ms, %.2f CPU ms/request, %d errors",
        gateway,
        workload,
        row.perSecond(),
        row.p(50),
        row.p(99),
        row.cpuPerRequest(),
        row.errors());
    if (firstError.get() != null) {
      say("%s, %s: first error: %s", gateway, workload, abbreviate(firstError.get()));
    }
    return row;
  }

  private void print(List<Row> rows) {
    System.out.println();
    System.out.printf(
        "Gateway comparison, %s: %d cores, load average %s at the end; %d connections, %d s"
            + " warm-up discarded, median of %d x %d s%n",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        loadAverage(),
        concurrency,
        warmup,
        rounds,
        seconds);
    for (String workload : List.of("fan-out", "mixed")) {
      System.out.println();
      System.out.println(
          workload.equals("fan-out")
              ? "Fan-out query: " + FAN_OUT
              : "Mixed workload: round-robin over "
                  + mixedSize
                  + " operations (pages of 1-10 episodes both ways, each episode by number, slug"
                  + " and id, each guest by slug and by name, full-text searches), so identical"
                  + " subgraph fetches rarely overlap and deduplication has little to merge");
      System.out.println(
          "| gateway | requests/s | p50 ms | p99 ms | gateway CPU ms per request | errors |");
      System.out.println("|---|---|---|---|---|---|");
      for (Row r : rows) {
        if (r.workload().equals(workload)) {
          System.out.printf(
              "| %s | %,.0f | %.1f | %.1f | %.2f | %d |%n",
              r.gateway(), r.perSecond(), r.p(50), r.p(99), r.cpuPerRequest(), r.errors());
        }
      }
    }
  }

  /** Operations that differ in text or variables, built from the seeded data. */
  private List<Request> mixedWorkload(URI gateway) throws IOException, InterruptedException {
    JsonNode page =
        firstData(
            gateway,
            new Request(
                "{ episodes(first: 10) { edges { node { id number slug guests { slug name } } } } }",
                Map.of()));
    List<Request> requests = new ArrayList<>();
    for (int first = 1; first <= 10; first++) {
      for (String order : List.of("NUMBER_DESC", "NUMBER_ASC")) {
        requests.add(
            new Request(
                "query Page($first: Int!, $order: EpisodeOrder) { episodes(first: $first,"
                    + " orderBy: $order) { edges { node { number title guests { name } } } } }",
                Map.of("first", first, "order", order)));
      }
    }
    List<String> slugs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (JsonNode edge : page.path("episodes").path("edges")) {
      requests.add(
          new Request(
              "query Episode($number: Int!) { episode(number: $number) { title guests { name"
                  + " episodes { number title } } } }",
              Map.of("number", edge.path("node").path("number").asInt())));
      requests.add(
          new Request(
              "query BySlug($slug: String!) { episode(slug: $slug) { number title hosts { name }"
                  + " } }",
              Map.of("slug", edge.path("node").path("slug").asText())));
      requests.add(
          new Request(
              "query ById($id: ID!) { episode(id: $id) { number slug guests { name slug } } }",
              Map.of("id", edge.path("node").path("id").asText())));
      for (JsonNode guest : edge.path("node").path("guests")) {
        if (!slugs.contains(guest.path("slug").asText())) {
          slugs.add(guest.path("slug").asText());
          names.add(guest.path("name").asText());
        }
      }
    }
    for (String slug : slugs) {
      requests.add(
          new Request(
              "query Guest($slug: String!) { guest(slug: $slug) { name episodes { number title"
                  + " } } }",
              Map.of("slug", slug)));
    }
    for (String name : names) {
      String last = name.substring(name.lastIndexOf(' ') + 1);
      requests.add(
          new Request(
              "query Guests($name: String!) { guests(filter: { name: $name }) { edges { node {"
                  + " name episodes { number } } } } }",
              Map.of("name", last)));
    }
    for (String text : List.of("redis", "python", "government", "state machine")) {
      requests.add(
          new Request(
              "query Search($text: String!) { searchEpisodes(text: $text) { edges { node { number"
                  + " title guests { name } } } } }",
              Map.of("text", text)));
    }
    return requests;
  }

  private static Path writeSupergraph(Path root, PodgraphSystem system, Path work)
      throws IOException {
    String sdl =
        Files.readString(root.resolve("deploy/gateway/base/supergraph.graphql"))
            .replace(
                "http://catalog-service:8081/graphql",
                system.baseUrl("catalog-service") + "/graphql")
            .replace(
                "http://guest-service:8082/graphql", system.baseUrl("guest-service") + "/graphql");
    Files.createDirectories(work);
    Path file = work.resolve("supergraph.graphql");
    Files.writeString(file, sdl);
    return file;
  }

  private void awaitAnswer(URI uri, Process process, String name) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with code "
                + process.exitValue()
                + "; see launcher/target/compare/logs");
      }
      try {
        expectData(post(uri, new Request(FAN_OUT, Map.of())));
        return;
      } catch (IOException | IllegalStateException notYet) {
        process.waitFor(250, TimeUnit.MILLISECONDS); // or until it exits
      }
    }
    throw new IllegalStateException(name + " did not answer within 120 s");
  }

  /**
   * The data of the first answer without errors: a service that just started may need longer than
   * the gateway's subgraph timeout for its first request of a kind on a busy machine.
   */
  private JsonNode firstData(URI uri, Request request) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (true) {
      try {
        return expectData(post(uri, request));
      } catch (IllegalStateException stillCold) {
        if (Instant.now().isAfter(deadline)) {
          throw stillCold;
        }
      }
    }
  }

  private JsonNode post(URI uri, Request request) throws IOException, InterruptedException {
    HttpRequest http =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(
                        Map.of("query", request.query(), "variables", request.variables()))))
            .build();
    HttpResponse<byte[]> response = this.http.send(http, HttpResponse.BodyHandlers.ofByteArray());
    return JSON.readTree(response.body());
  }

  private static JsonNode data(JsonNode answer) {
    return answer.path("data");
  }

  private static JsonNode expectData(JsonNode answer) {
    if (answer.has("errors") || !answer.path("data").isObject()) {
      throw new IllegalStateException("unexpected answer: " + answer);
    }
    return answer.path("data");
  }

  private static String abbreviate(String text) {
    return text.length() <= 400 ? text : text.substring(0, 400) + "...";
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Set<String> gatewaysToRun() {
    String value = System.getenv("PODGRAPH_COMPARE_GATEWAYS");
    if (value == null || value.isBlank()) {
      return Set.of("podgraph", "apollo", "hive", "hive-rust");
    }
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }

  private static void say(String format, Object... args) {
    System.out.println("[compare] " + String.format(format, args));
  }
}
