package dev.podgraph.gateway.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.gateway.fixture.Supergraphs;
import dev.podgraph.gateway.schema.GatewaySchema;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Static cost estimates, computed by hand from the rules in {@link CostCalculator}. */
class CostCalculatorTest {
  private static final GatewaySchema SHOP = GatewaySchema.of(Supergraphs.load("shop"));

  private static long cost(GatewaySchema schema, String query, Map<String, Object> variables) {
    Document document = Parser.parse(query);
    OperationDefinition operation =
        document.getDefinitionsOfType(OperationDefinition.class).getFirst();
    return new CostCalculator(schema.api(), CostDirectives.of(schema.supergraph().sdl()), 10)
        .estimate(document, operation, variables);
  }

  private static long shop(String query) {
    return cost(SHOP, query, Map.of());
  }

  @Test
  void objectsCostOneScalarsNothingAndListsTheirLength() {
    // topProducts' first defaults to 5: five products of 1, their scalars free.
    assertEquals(5, shop("{ topProducts { upc name price } }"));
    // Two products, each with an assumed ten reviews of one each: 2 x (1 + 10).
    assertEquals(22, shop("{ topProducts(first: 2) { name reviews { body } } }"));
    assertEquals(1, shop("{ me { name } }"));
    assertEquals(0, shop("{ __typename }"));
  }

  @Test
  void theSlicingArgumentComesFromVariablesToo() {
    assertEquals(
        3 * 11,
        cost(SHOP, "query($n: Int) { topProducts(first: $n) { reviews { id } } }", Map.of("n", 3)));
  }

  @Test
  void aliasesAndFragmentSpreadsCountEveryTimeTheyAreUsed() {
    assertEquals(
        2 * 22,
        shop(
            "{ a: topProducts(first: 2) { ...P } b: topProducts(first: 2) { ...P } }"
                + " fragment P on Product { name reviews { body } }"));
    // An assumed ten results of 1 each; the type conditions select scalars only.
    assertEquals(
        10, shop("{ search(term: \"x\") { ... on Product { upc } ... on Brand { name } } }"));
  }

  @Test
  void everyMutationFieldCostsTen() {
    // addReview: 10 for the mutation plus 1 for the Review it returns.
    assertEquals(11, shop("mutation { addReview(upc: \"1\", body: \"b\") { id } }"));
  }

  @Test
  void costAndListSizeDirectivesOverrideTheDefaults() {
    String sdl =
        Supergraphs.load("shop")
            .replace(
                "  reviews: [Review!]! @join__field(graph: REVIEWS)\n  internalCode",
                "  reviews: [Review!]! @join__field(graph: REVIEWS) @listSize(assumedSize: 3)\n"
                    + "  internalCode")
            .replace("  body: String!\n", "  body: String! @cost(weight: 4)\n");
    GatewaySchema schema = GatewaySchema.of(sdl);
    // Two products x (1 + 3 reviews x (1 + 4)).
    assertEquals(
        2 * (1 + 3 * 5), cost(schema, "{ topProducts(first: 2) { reviews { body } } }", Map.of()));
  }

  @Test
  void theProjectsFrontPageQueryCostsAboutElevenHundred() throws Exception {
    Path supergraph = Path.of("..", "deploy", "gateway", "base", "supergraph.graphql");
    GatewaySchema podgraph = GatewaySchema.of(Files.readString(supergraph));
    // episodes(first: 10): the connection (1) + 10 edges x (edge 1 + episode 1 + an assumed
    // 10 guests x (1 + an assumed 10 episodes of 1 each)).
    assertEquals(
        1 + 10 * (1 + 1 + 10 * (1 + 10)),
        cost(
            podgraph,
            "{ episodes(first: 10) { edges { node { number title guests { name episodes { number"
                + " title } } } } } }",
            Map.of()));
    assertEquals(
        1 + 100 * (1 + 1 + 10 * (1 + 10)),
        cost(
            podgraph,
            "query($n: Int) { episodes(first: $n) { edges { node { guests { episodes { title } }"
                + " } } } }",
            Map.of("n", 100)));
  }
}
