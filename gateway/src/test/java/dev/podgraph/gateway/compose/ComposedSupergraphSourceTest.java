package dev.podgraph.gateway.compose;

import static dev.podgraph.gateway.fixture.GatewayHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.FixtureSubgraph;
import dev.podgraph.gateway.fixture.GatewayHarness;
import dev.podgraph.gateway.supergraph.InvalidSupergraphException;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GATEWAY_SUBGRAPHS mode: SDLs from _service, composed, then served. */
class ComposedSupergraphSourceTest {

  private static Vertx vertx;
  private static FixtureSubgraph products;
  private static FixtureSubgraph inventory;

  private static final String FEDERATION =
      "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n";

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    List<Map<String, Object>> items =
        List.of(Map.of("__typename", "Product", "upc", "1", "name", "Lamp"));
    products =
        new FixtureSubgraph.Builder(
                "type Query { products: [Product!]! _service: _Service }"
                    + " type _Service { sdl: String } type Product { upc: ID! name: String }",
                "Product")
            .field("Query", "products", env -> items)
            .field(
                "Query",
                "_service",
                env ->
                    Map.of(
                        "sdl",
                        FEDERATION
                            + "type Query { products: [Product!]! }"
                            + " type Product @key(fields: \"upc\") { upc: ID! name: String }"))
            .start(vertx);
    inventory =
        new FixtureSubgraph.Builder(
                "type Query { _service: _Service } type _Service { sdl: String }"
                    + " type Product { upc: ID! stock: Int }",
                "Product")
            .field(
                "Query",
                "_service",
                env ->
                    Map.of(
                        "sdl",
                        FEDERATION + "type Product @key(fields: \"upc\") { upc: ID! stock: Int }"))
            .entities(r -> Map.of("__typename", "Product", "upc", r.get("upc"), "stock", 7))
            .start(vertx);
  }

  @AfterAll
  static void stop() {
    products.close();
    inventory.close();
    vertx.close();
  }

  @Test
  void composesTheSubgraphsAndServesTheResult() {
    String setting = "products=" + products.url() + ", inventory=" + inventory.url();
    String supergraph = ComposedSupergraphSource.parse(setting).load();
    assertTrue(supergraph.contains("join__Graph"));
    GatewayHarness gateway = new GatewayHarness(vertx, supergraph, Duration.ofSeconds(5));
    assertEquals(
        json("{\"data\": {\"products\": [{\"name\": \"Lamp\", \"stock\": 7}]}}"),
        gateway.execute("{ products { name stock } }").body());
  }

  @Test
  void namesTheSubgraphThatCannotBeReached() {
    Map<String, String> subgraphs = new LinkedHashMap<>();
    subgraphs.put("gone", "http://127.0.0.1:1/graphql");
    InvalidSupergraphException error =
        assertThrows(
            InvalidSupergraphException.class, () -> new ComposedSupergraphSource(subgraphs).load());
    assertTrue(error.getMessage().contains("gone"), error.getMessage());
  }

  @Test
  void refusesASettingThatIsNotNameEqualsUrl() {
    assertThrows(InvalidSupergraphException.class, () -> ComposedSupergraphSource.parse("nourl"));
  }
}
