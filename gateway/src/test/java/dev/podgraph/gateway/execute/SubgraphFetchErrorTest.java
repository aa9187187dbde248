package dev.podgraph.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.gateway.supergraph.Subgraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors as records until they leave the executor as GraphQL error maps. */
class SubgraphFetchErrorTest {

  private static final Subgraph INVENTORY =
      new Subgraph("INVENTORY", "inventory", "http://inventory.invalid/graphql");

  @Test
  void keepsOnlyMessageExtensionsAndTheRewrittenPathOfASubgraphError() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", "no stock");
    error.put("locations", List.of(Map.of("line", 1, "column", 3)));
    error.put("path", List.of("_entities", 0, "inStock"));
    error.put("extensions", Map.of("code", "NOT_FOUND"));

    assertEquals(
        Map.of(
            "message", "no stock",
            "path", List.of("topProducts", 2, "inStock"),
            "extensions", Map.of("code", "NOT_FOUND")),
        SubgraphFetchError.fromSubgraph(error, List.of("topProducts", 2, "inStock")).toMap());
  }

  @Test
  void saysWhyASubgraphIsUnavailableWithTheSharedErrorCode() {
    assertEquals(
        Map.of(
            "message",
            "Subgraph 'inventory' is unavailable: it did not answer in time.",
            "path",
            List.of("me"),
            "extensions",
            Map.of("code", "UNAVAILABLE", "serviceName", "inventory", "reason", "TIMEOUT")),
        SubgraphFetchError.unavailable(
                INVENTORY, SubgraphUnavailableException.Reason.TIMEOUT, List.of("me"), 0)
            .toMap());
  }

  @Test
  void countsThePositionsASummaryStandsFor() {
    Map<String, Object> summary = SubgraphFetchError.unavailable(INVENTORY, null, null, 50).toMap();

    assertEquals(
        "Subgraph 'inventory' is unavailable (50 more fields it was to provide are null, not"
            + " listed one by one).",
        summary.get("message"));
    assertEquals(
        Map.of("code", "UNAVAILABLE", "serviceName", "inventory", "omitted", 50),
        summary.get("extensions"));
    assertEquals(false, summary.containsKey("path"));
  }
}
