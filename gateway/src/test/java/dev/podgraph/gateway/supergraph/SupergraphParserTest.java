package dev.podgraph.gateway.supergraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.Supergraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupergraphParserTest {

  private final Supergraph shop = new SupergraphParser().parse(Supergraphs.load("shop"));

  @Test
  void readsTheSubgraphsWithTheirUrls() {
    assertEquals(
        List.of("inventory", "products", "reviews", "users"),
        List.copyOf(shop.subgraphs().keySet()));
    assertEquals("http://users.invalid/graphql", shop.subgraphs().get("users").url());
  }

  @Test
  void readsKeysRequiresProvidesAndExternals() {
    TypeModel product = shop.type("Product");
    assertEquals("upc", product.keys("inventory").getFirst().text());
    FieldInSubgraph estimate =
        product.fields().get("shippingEstimate").perSubgraph().get("inventory");
    assertTrue(estimate.requires().isPresent());
    assertTrue(product.fields().get("price").perSubgraph().get("inventory").external());
    assertTrue(
        shop.type("Review")
            .fields()
            .get("author")
            .perSubgraph()
            .get("reviews")
            .provides()
            .isPresent());
    assertTrue(product.fields().get("upc").perSubgraph().isEmpty(), "resolvable everywhere");
  }

  @Test
  void readsInterfaceObjectsAndFieldsOnlyTheyResolve() {
    Supergraph library = new SupergraphParser().parse(Supergraphs.load("library"));
    assertTrue(library.type("Account").isInterfaceObjectIn("b"));
    assertTrue(library.type("Admin").fields().get("rating").onlyThroughInterfaceObject());
    assertEquals(List.of("Book"), library.possibleTypesIn("Media", "b"));
    assertEquals(List.of("Book", "Movie"), library.possibleTypesIn("Media", "c"));
  }

  @Test
  void namesTheProblemOfASchemaThatIsNoSupergraph() {
    InvalidSupergraphException error =
        assertThrows(
            InvalidSupergraphException.class,
            () -> new SupergraphParser().parse("type Query { a: String }"));
    assertTrue(error.getMessage().contains("join__Graph"), error.getMessage());
  }

  @Test
  void namesTheProblemOfASyntaxError() {
    InvalidSupergraphException error =
        assertThrows(
            InvalidSupergraphException.class, () -> new SupergraphParser().parse("type {"));
    assertTrue(
        error.getMessage().startsWith("supergraph is not valid GraphQL"), error.getMessage());
  }

  @Test
  void namesAnUnknownGraph() {
    String broken =
        Supergraphs.load("shop")
            .replace(
                "@join__type(graph: INVENTORY, key: \"upc\")",
                "@join__type(graph: WAREHOUSE, key: \"upc\")");
    InvalidSupergraphException error =
        assertThrows(InvalidSupergraphException.class, () -> new SupergraphParser().parse(broken));
    assertTrue(error.getMessage().contains("WAREHOUSE"), error.getMessage());
  }

  @Test
  void keepsNoJoinMachineryInTheModel() {
    assertFalse(shop.types().containsKey("join__Graph"));
    assertFalse(shop.types().containsKey("link__Purpose"));
  }
}
