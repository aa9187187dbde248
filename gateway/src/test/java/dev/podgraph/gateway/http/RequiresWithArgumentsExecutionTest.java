package dev.podgraph.gateway.http;

import static dev.podgraph.gateway.fixture.GatewayHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.gateway.fixture.Composed;
import dev.podgraph.gateway.fixture.FixtureSubgraph;
import dev.podgraph.gateway.fixture.GatewayHarness;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two {@code @requires} of one type needing {@code price} with different arguments, end to end: the
 * requiring subgraph computes each label from the price its representation carries, so a label
 * computed from the other requirement's value shows in the answer.
 */
class RequiresWithArgumentsExecutionTest {

  private static final String PRICES_A =
      """
      type Query { products: [Product] }
      type Product @key(fields: "id") { id: ID! price(currency: String!): Int }
      """;
  private static final String PRICES_B =
      """
      type Product @key(fields: "id") {
        id: ID!
        price(currency: String!): Int @external
        usdLabel: String @requires(fields: "price(currency: \\"USD\\")")
        eurLabel: String @requires(fields: "price(currency: \\"EUR\\")")
      }
      """;

  private static Vertx vertx;
  private static FixtureSubgraph a;
  private static FixtureSubgraph b;
  private static GatewayHarness gateway;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    a =
        new FixtureSubgraph.Builder(
                "type Query { products: [Product] }"
                    + " type Product { id: ID! price(currency: String!): Int }",
                "Product")
            .field("Query", "products", env -> List.of(Map.of("__typename", "Product", "id", "p1")))
            .field("Product", "price", env -> "USD".equals(env.getArgument("currency")) ? 100 : 92)
            .start(vertx);
    b =
        new FixtureSubgraph.Builder(
                "type Query { none: Int }"
                    + " type Product { id: ID! usdLabel: String eurLabel: String }",
                "Product")
            .entities(
                representation -> {
                  Map<String, Object> product = new HashMap<>();
                  product.put("__typename", "Product");
                  product.put("usdLabel", "USD " + representation.get("price"));
                  product.put("eurLabel", "EUR " + representation.get("price"));
                  return product;
                })
            .start(vertx);
    String supergraph =
        Composed.supergraph("a", PRICES_A, "b", PRICES_B)
            .replace("http://a.invalid/graphql", a.url())
            .replace("http://b.invalid/graphql", b.url());
    gateway = new GatewayHarness(vertx, supergraph, Duration.ofSeconds(5));
  }

  @AfterAll
  static void stop() {
    a.close();
    b.close();
    vertx.close();
  }

  @Test
  void computesEachRequiringFieldFromItsOwnArgumentsValue() {
    assertEquals(
        json(
            """
            {"data": {"products": [{"usdLabel": "USD 100", "eurLabel": "EUR 92"}]}}
            """),
        gateway.execute("{ products { usdLabel eurLabel } }").body());
  }

  @Test
  void sendsTheRequiringSubgraphOneRepresentationPerRequirementSet() {
    b.forget();
    gateway.execute("{ products { usdLabel eurLabel } }");
    List<Object> prices =
        b.received().stream()
            .map(r -> ((Map<?, ?>) ((List<?>) r.variables().get("representations")).getFirst()))
            .map(rep -> (Object) rep.get("price"))
            .toList();
    assertEquals(2, prices.size(), "one _entities call per requirement set");
    assertEquals(Set.of(100, 92), Set.copyOf(prices));
  }
}
