package dev.podgraph.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.Supergraphs;
import dev.podgraph.gateway.plan.OperationNormalizer;
import dev.podgraph.gateway.plan.QueryPlan;
import dev.podgraph.gateway.plan.QueryPlanner;
import dev.podgraph.gateway.supergraph.Supergraph;
import dev.podgraph.gateway.supergraph.SupergraphParser;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Execution without HTTP: a subgraph client written in the test. */
class PlanExecutorTest {

  private static final Supergraph SHOP = new SupergraphParser().parse(Supergraphs.load("shop"));

  private static QueryPlan plan(String query) {
    return new QueryPlanner(SHOP)
        .plan(new OperationNormalizer().normalize(Parser.parse(query), null, Map.of()));
  }

  /** Products answers {@code count} products; inventory times out. */
  private static SubgraphClient productsWithInventoryDown(int count) {
    return (subgraph, query, variables, headers) -> {
      if (!subgraph.name().equals("products")) {
        return CompletableFuture.failedFuture(
            new SubgraphUnavailableException(
                subgraph.name(), SubgraphUnavailableException.Reason.TIMEOUT, null));
      }
      List<Object> products = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        products.add(Map.of("__typename", "Product", "upc", "u" + i, "name", "P" + i));
      }
      return CompletableFuture.completedFuture(
          new SubgraphResponse(Map.of("topProducts", products), List.of()));
    };
  }

  @Test
  void listsAtMostAHundredErrorsForOneFailedFetchAndCountsTheRest() throws Exception {
    MergedResult result =
        new PlanExecutor(productsWithInventoryDown(150))
            .execute(SHOP, plan("{ topProducts(first: 150) { name inStock } }"), Map.of(), Map.of())
            .get(5, TimeUnit.SECONDS);

    List<Map<String, Object>> errors = result.errors();
    assertEquals(PlanExecutor.MAX_ERRORS_PER_FETCH + 1, errors.size());
    assertEquals(List.of("topProducts", 0, "inStock"), errors.getFirst().get("path"));
    assertEquals(List.of("topProducts", 99, "inStock"), errors.get(99).get("path"));
    Map<String, Object> summary = errors.getLast();
    assertEquals(
        Map.of(
            "code", "UNAVAILABLE", "serviceName", "inventory", "reason", "TIMEOUT", "omitted", 50),
        summary.get("extensions"));
    assertTrue(!summary.containsKey("path"), "the summary stands for many paths");
    assertEquals(50, result.summarizedPaths().size());
    assertEquals(List.of("topProducts", 149, "inStock"), result.summarizedPaths().getLast());
  }

  @Test
  void splitsAnEntityBatchLargerThanTheLimitIntoSeveralCalls() throws Exception {
    List<Integer> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
    SubgraphClient shop =
        (subgraph, query, variables, headers) -> {
          if (subgraph.name().equals("products")) {
            List<Object> products = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
              products.add(
                  new java.util.HashMap<>(
                      Map.of("__typename", "Product", "upc", "u" + i, "name", "P" + i)));
            }
            return CompletableFuture.completedFuture(
                new SubgraphResponse(Map.of("topProducts", products), List.of()));
          }
          List<?> reps = (List<?>) variables.get("representations");
          batches.add(reps.size());
          List<Object> entities = new ArrayList<>();
          for (Object rep : reps) {
            entities.add(
                Map.of("__typename", "Product", "inStock", ((Map<?, ?>) rep).get("upc") != null));
          }
          return CompletableFuture.completedFuture(
              new SubgraphResponse(Map.of("_entities", entities), List.of()));
        };

    MergedResult result =
        new PlanExecutor(shop, 40)
            .execute(SHOP, plan("{ topProducts(first: 150) { name inStock } }"), Map.of(), Map.of())
            .get(5, TimeUnit.SECONDS);

    assertEquals(List.of(), result.errors());
    assertEquals(List.of(30, 40, 40, 40), batches.stream().sorted().toList());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> products =
        (List<Map<String, Object>>) result.tree().get("topProducts");
    assertEquals(150, products.size());
    products.forEach(p -> assertEquals(true, p.get("inStock"), p.toString()));
  }

  @Test
  void givesEveryRootFieldOfAFailedRootFetchItsError() throws Exception {
    SubgraphClient down =
        (subgraph, query, variables, headers) ->
            CompletableFuture.failedFuture(
                new SubgraphUnavailableException(
                    subgraph.name(), SubgraphUnavailableException.Reason.CONNECTION_FAILED, null));
    MergedResult result =
        new PlanExecutor(down)
            .execute(
                SHOP,
                plan("{ best: topProducts(first: 1) { name } search(term: \"a\") { __typename } }"),
                Map.of(),
                Map.of())
            .get(5, TimeUnit.SECONDS);

    assertEquals(
        List.of(List.of("best"), List.of("search")),
        result.errors().stream().map(e -> e.get("path")).toList());
    assertEquals(
        "Subgraph 'products' is unavailable: it could not be reached.",
        result.errors().getFirst().get("message"));
  }

  @Test
  void failsAFetchWhoseClientThrowsInsteadOfTheWholeRequest() throws Exception {
    SubgraphClient broken =
        (subgraph, query, variables, headers) -> {
          throw new IllegalStateException("bug in a client");
        };
    MergedResult result =
        new PlanExecutor(broken)
            .execute(SHOP, plan("{ me { name } }"), Map.of(), Map.of())
            .get(5, TimeUnit.SECONDS);

    assertEquals(List.of("me"), result.errors().getFirst().get("path"));
    assertEquals(
        Map.of("code", "UNAVAILABLE", "serviceName", "users"),
        result.errors().getFirst().get("extensions"));
  }
}
