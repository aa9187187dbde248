package dev.podgraph.gateway.http;

import static dev.podgraph.gateway.fixture.GatewayHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.Composed;
import dev.podgraph.gateway.fixture.FixtureSubgraph;
import dev.podgraph.gateway.fixture.GatewayHarness;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Progressive {@code @override} through the request pipeline: the subgraph a field is taken from
 * answers it at {@code percent(0)}, the overriding one at {@code percent(100)}, and at {@code
 * percent(50)} requests go both ways (each rolls the label; plans are cached per outcome).
 */
class ProgressiveOverrideExecutionTest {

  private static Vertx vertx;
  private static FixtureSubgraph a;
  private static FixtureSubgraph b;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    a =
        new FixtureSubgraph.Builder(
                "type Query { products: [Product] } type Product { id: ID! price: Int }", "Product")
            .field(
                "Query",
                "products",
                env -> List.of(Map.of("__typename", "Product", "id", "p1", "price", 1)))
            .start(vertx);
    b =
        new FixtureSubgraph.Builder(
                "type Query { none: Int } type Product { id: ID! price: Int }", "Product")
            .entities(r -> Map.of("__typename", "Product", "id", r.get("id"), "price", 2))
            .start(vertx);
  }

  @AfterAll
  static void stop() {
    a.close();
    b.close();
    vertx.close();
  }

  private static GatewayHarness gatewayAt(String label) {
    String supergraph =
        Composed.supergraphAt(
                "2.7",
                "a",
                "type Query { products: [Product] } type Product @key(fields: \"id\") { id: ID! price: Int }",
                "b",
                "type Product @key(fields: \"id\") { id: ID! price: Int @override(from: \"a\", label: \""
                    + label
                    + "\") }")
            .replace("http://a.invalid/graphql", a.url())
            .replace("http://b.invalid/graphql", b.url());
    return new GatewayHarness(vertx, supergraph, Duration.ofSeconds(5));
  }

  @Test
  void asksTheSubgraphTheFieldIsTakenFromAtZeroPercent() {
    assertEquals(
        json("{\"data\": {\"products\": [{\"price\": 1}]}}"),
        gatewayAt("percent(0)").execute("{ products { price } }").body());
  }

  @Test
  void asksTheOverridingSubgraphAtAHundredPercent() {
    assertEquals(
        json("{\"data\": {\"products\": [{\"price\": 2}]}}"),
        gatewayAt("percent(100)").execute("{ products { price } }").body());
  }

  @Test
  void splitsRequestsBetweenBothSubgraphsAtFiftyPercent() {
    GatewayHarness gateway = gatewayAt("percent(50)");
    int fromB = 0;
    for (int i = 0; i < 60; i++) {
      Object body = gateway.execute("{ products { price } }").body();
      if (body.equals(json("{\"data\": {\"products\": [{\"price\": 2}]}}"))) {
        fromB++;
      } else {
        assertEquals(json("{\"data\": {\"products\": [{\"price\": 1}]}}"), body);
      }
    }
    // 60 fair coin flips: all on one side has probability 2 * 2^-60.
    assertTrue(fromB > 0 && fromB < 60, "requests answered by the overriding subgraph: " + fromB);
  }
}
