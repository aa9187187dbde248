package dev.podgraph.gateway.bench;

import dev.podgraph.gateway.fixture.Supergraphs;
import dev.podgraph.gateway.plan.NormalizedOperation;
import dev.podgraph.gateway.plan.OperationNormalizer;
import dev.podgraph.gateway.plan.QueryPlanner;
import dev.podgraph.gateway.supergraph.Supergraph;
import dev.podgraph.gateway.supergraph.SupergraphParser;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Planning time per operation with no plan cache: the planner is called directly, so every call
 * plans from scratch. For each operation, in a fixed order: the first call (the very first one of
 * the run also pays class loading and an unwarmed JVM), then the median and 90th percentile of
 * {@value #MEASURED} calls after {@value #WARMUP} warm-up calls. Off by default; run with {@code
 * ./mvnw -o -pl gateway -am verify -Dtest=PlanningTimeBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark=true} and read the table on stdout.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class PlanningTimeBenchmark {

  private static final int WARMUP = 2000;
  private static final int MEASURED = 5000;

  private static final List<Map.Entry<String, String>> SEED_QUERIES =
      List.of(
          Map.entry(
              "episodes with guests and their episodes",
              "{ episodes(first: 10) { edges { node { number title guests { name episodes {"
                  + " number } } } } } }"),
          Map.entry(
              "one episode's show notes",
              "{ episode(number: 1) { title summary announcements links { text url } sponsors {"
                  + " __typename } questions { __typename } guests { name bio } hosts { name } }"
                  + " }"),
          Map.entry(
              "guests with appearances",
              "{ guests(first: 20) { edges { node { name slug episodes { title number } } } } }"));

  private static final List<Map.Entry<String, String>> SHOP_QUERIES =
      List.of(
          Map.entry(
              "five fetches over four subgraphs",
              "{ topProducts(first: 3) { name inStock shippingEstimate reviews { body author {"
                  + " name } } } }"),
          Map.entry(
              "search over a union",
              "{ search(term: \"a\") { __typename ... on Product { name price inStock } } }"));

  @Test
  void measure() throws IOException {
    Supergraph project =
        new SupergraphParser()
            .parse(Files.readString(Path.of("../deploy/gateway/base/supergraph.graphql")));
    Supergraph shop = new SupergraphParser().parse(Supergraphs.load("shop"));
    System.out.println("| supergraph | operation | first call (µs) | median (µs) | p90 (µs) |");
    System.out.println("|---|---|---|---|---|");
    SEED_QUERIES.forEach(q -> report("project", project, q.getKey(), q.getValue()));
    SHOP_QUERIES.forEach(q -> report("test shop", shop, q.getKey(), q.getValue()));
  }

  private static void report(String graph, Supergraph supergraph, String name, String query) {
    NormalizedOperation operation =
        new OperationNormalizer().normalize(Parser.parse(query), null, Map.of());
    QueryPlanner planner = new QueryPlanner(supergraph);
    long first = time(planner, operation);
    for (int i = 0; i < WARMUP; i++) {
      time(planner, operation);
    }
    long[] samples = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      samples[i] = time(planner, operation);
    }
    Arrays.sort(samples);
    System.out.printf(
        "| %s | %s | %d | %.1f | %.1f |%n",
        graph,
        name,
        first / 1000,
        samples[MEASURED / 2] / 1000.0,
        samples[MEASURED * 9 / 10] / 1000.0);
  }

  /** The planner is built once per supergraph, as the gateway does; each call plans afresh. */
  private static long time(QueryPlanner planner, NormalizedOperation operation) {
    long start = System.nanoTime();
    planner.plan(operation);
    return System.nanoTime() - start;
  }
}
