package dev.podgraph.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.launcher.PodgraphSystem;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What expensive operations cost everyone else: the front page at a steady concurrency, alone and
 * beside callers repeating expensive operations, with the gateway's demand control measuring only
 * ({@code GATEWAY_LIMITS_COST_MODE=measure}: every operation runs) and enforcing (the default). Run
 * it with {@code ./mvnw -Pdemand package}; figures in gateway/README.md.
 */
public final class DemandDrill {

  /** 250 aliases of the front page: estimated cost 250 x 1,121, over the 10,000 limit. */
  static final String ALIASES = aliases(250);

  /** One page of 80 episodes with guests and their episodes: cost 8,961, admitted but heavy. */
  static final String BIG_PAGE =
      "{ episodes(first: 80) { edges { node { number title"
          + " guests { name episodes { number title } } } } } }";

  private static final ObjectMapper JSON = new ObjectMapper();

  private DemandDrill() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Duration phase = Duration.ofSeconds(BenchSystem.setting("PODGRAPH_DRILL_SECONDS", 10));
    int frontPage = BenchSystem.setting("PODGRAPH_DRILL_CONCURRENCY", 2);
    int heavy = BenchSystem.setting("PODGRAPH_DRILL_HEAVY_CONCURRENCY", 6);
    try (PodgraphSystem system = BenchSystem.startSeeded(root, "demand", 13)) {
      URI graphql = URI.create(system.graphqlUrl());
      List<String> rows = new ArrayList<>();
      for (String mode : List.of("measure", "enforce")) {
        system.restart("gateway", Map.of("GATEWAY_LIMITS_COST_MODE", mode));
        LoadRun.run("warm-up", () -> frontPage(graphql), 2, phase, 10_000);
        rows.add(
            LoadRun.run(
                    mode + ": front page alone",
                    () -> frontPage(graphql),
                    frontPage,
                    phase,
                    Long.MAX_VALUE)
                .row());
        for (Map.Entry<String, String> expensive :
            Map.of("250 aliases", ALIASES, "80-episode page", BIG_PAGE).entrySet()) {
          Map<String, AtomicLong> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
          CompletableFuture<LoadRun.Result> beside =
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return LoadRun.run(
                          mode + ": " + expensive.getKey() + " x" + heavy,
                          () ->
                              outcomes
                                  .computeIfAbsent(
                                      post(graphql, expensive.getValue()), k -> new AtomicLong())
                                  .incrementAndGet(),
                          heavy,
                          phase,
                          Long.MAX_VALUE);
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
          rows.add(
              LoadRun.run(
                      mode + ": front page beside " + expensive.getKey(),
                      () -> frontPage(graphql),
                      frontPage,
                      phase,
                      Long.MAX_VALUE)
                  .row());
          LoadRun.Result result = beside.join();
          rows.add(result.row() + " " + new java.util.TreeMap<>(outcomes));
        }
      }
      System.out.println();
      System.out.println(LoadRun.Result.header());
      rows.forEach(System.out::println);
    }
  }

  /**
   * Sends one operation: "full" (data, no errors), "partial <code>" (data and errors) or "refused
   * <code>" (no data); an answer without a code fails the operation.
   */
  private static String post(URI graphql, String query) throws Exception {
    String body = OutageDrill.post(graphql, query, Duration.ofSeconds(60));
    JsonNode answer = JSON.readTree(body);
    boolean data = answer.path("data").isObject();
    if (data && answer.path("errors").isMissingNode()) {
      return "full";
    }
    String code = answer.path("errors").path(0).path("extensions").path("code").asText();
    if (code.isEmpty()) {
      throw new IllegalStateException("an error without a code: " + body);
    }
    return (data ? "partial " : "refused ") + code;
  }

  /** The front page; anything but a full answer counts as an error of the run. */
  private static void frontPage(URI graphql) throws Exception {
    String outcome = post(graphql, OutageDrill.FRONT_PAGE);
    if (!outcome.equals("full")) {
      throw new IllegalStateException("front page: " + outcome);
    }
  }

  private static String aliases(int count) {
    StringBuilder query = new StringBuilder("{");
    for (int i = 0; i < count; i++) {
      query
          .append(" a")
          .append(i)
          .append(": episodes(first: 10) { edges { node { number title")
          .append(" guests { name episodes { number title } } } } }");
    }
    return query.append(" }").toString();
  }
}
