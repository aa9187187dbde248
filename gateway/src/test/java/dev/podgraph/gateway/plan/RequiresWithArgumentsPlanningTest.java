package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.assertPlan;
import static dev.podgraph.gateway.plan.PlanAssertions.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.gateway.fixture.Composed;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several {@code @requires} on one type that need the same field with different arguments: each
 * requirement set gets its own representations, so its own {@code _entities} fetch, and the two
 * fetches run in parallel. (Apollo's planner, {@code @apollo/query-planner} 2.14.4, plans one fetch
 * here whose representations carry only {@code price(currency: "EUR")}, so {@code usdLabel} is
 * computed from the euro price: the gateway deliberately differs.)
 */
class RequiresWithArgumentsPlanningTest {

  static final String PRICES =
      Composed.supergraph(
          "a",
          """
          type Query { products: [Product] }
          type Product @key(fields: "id") { id: ID! price(currency: String!): Int }
          """,
          "b",
          """
          type Product @key(fields: "id") {
            id: ID!
            price(currency: String!): Int @external
            usdLabel: String @requires(fields: "price(currency: \\"USD\\")")
            eurLabel: String @requires(fields: "price(currency: \\"EUR\\")")
            name: String
          }
          """);

  @Test
  void sendsEachRequirementSetInItsOwnRepresentations() {
    QueryPlan plan = plan(PRICES, "{ products { usdLabel eurLabel } }");
    PlanNode.Sequence sequence = (PlanNode.Sequence) plan.root().orElseThrow();
    PlanNode.Parallel parallel = (PlanNode.Parallel) sequence.nodes().get(1);
    List<String> prices =
        parallel.nodes().stream()
            .map(n -> ((PlanNode.Flatten) n).fetch().requires().getFirst().projection().fields())
            .map(fields -> fields.stream().filter(f -> f.outputKey().equals("price")).toList())
            .map(fields -> fields.getFirst().sourceKey())
            .toList();
    assertEquals(2, prices.stream().distinct().count(), "one price alias per fetch: " + prices);
  }

  @Test
  void plansTheTwoFetchesInParallelAfterTheFetchThatReadsBothPrices() {
    String text =
        PlanAssertions.render(
            plan(PRICES, "{ products { usdLabel eurLabel } }").root().orElseThrow());
    String usd = "price(currency:\"USD\")";
    String eur = "price(currency:\"EUR\")";
    String[] lines = text.split("\n");
    assertEquals("Sequence", lines[0]);
    assertEquals(true, lines[1].contains(usd) && lines[1].contains(eur), lines[1]);
    assertEquals("Parallel", lines[2]);
    assertEquals(true, lines[4].contains("usdLabel") && !lines[4].contains("eurLabel"), lines[4]);
    assertEquals(true, lines[6].contains("eurLabel") && !lines[6].contains("usdLabel"), lines[6]);
  }

  @Test
  void keepsOneFetchForFieldsThatNeedTheSameRequirement() {
    assertPlan(
        """
        Sequence
        Fetch(a): { products { __typename id _req_price_X: price(currency: "USD") } }
        Flatten(products.@)
        Fetch(b): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { usdLabel name } } }
        End
        """
            .replace("_req_price_X", alias("price(currency: \"USD\")")),
        plan(PRICES, "{ products { usdLabel name } }"));
  }

  private static String alias(String field) {
    return Requirements.aliasArguments(
            graphql.language.SelectionSet.newSelectionSet()
                .selection(
                    (graphql.language.Field)
                        new graphql.parser.Parser()
                            .parseDocument("{" + field + "}")
                            .getDefinitionsOfType(graphql.language.OperationDefinition.class)
                            .getFirst()
                            .getSelectionSet()
                            .getSelections()
                            .getFirst())
                .build())
        .getSelections()
        .stream()
        .map(s -> ((graphql.language.Field) s).getAlias())
        .findFirst()
        .orElseThrow();
  }
}
