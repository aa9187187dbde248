package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.assertPlan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.Composed;
import dev.podgraph.gateway.supergraph.Supergraph;
import dev.podgraph.gateway.supergraph.SupergraphParser;
import graphql.parser.Parser;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Progressive {@code @override(label: "percent(N)")}: the field stays with the subgraph it is taken
 * from unless the request rolled the label active. Both expected plans are the ones Apollo's
 * planner ({@code @apollo/query-planner} 2.14.4, {@code overrideConditions}) returns for the same
 * subgraphs.
 */
class ProgressiveOverridePlanningTest {

  private static final String SUPERGRAPH =
      Composed.supergraphAt(
          "2.7",
          "a",
          """
          type Query { products: [Product] }
          type Product @key(fields: "id") { id: ID! price: Int name: String }
          """,
          "b",
          """
          type Product @key(fields: "id") {
            id: ID!
            price: Int @override(from: "a", label: "percent(25)")
          }
          """);

  private static final QueryPlanner PLANNER =
      new QueryPlanner(new SupergraphParser().parse(SUPERGRAPH));

  private static QueryPlan plan(Set<String> labels) {
    return PLANNER.plan(
        new OperationNormalizer()
            .normalize(Parser.parse("{ products { name price } }"), null, Map.of()),
        labels);
  }

  @Test
  void leavesTheFieldWithTheSubgraphItIsTakenFromWhileTheLabelIsOff() {
    assertPlan(
        """
        Fetch(a): { products { name price } }
        """,
        plan(Set.of()));
  }

  @Test
  void routesTheFieldToTheOverridingSubgraphWhenTheLabelIsOn() {
    assertPlan(
        """
        Sequence
        Fetch(a): { products { name __typename id } }
        Flatten(products.@)
        Fetch(b): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { price } } }
        End
        """,
        plan(Set.of("percent(25)")));
  }

  @Test
  void rollsAPercentLabelOnForThatShareOfRequests() {
    OverrideLabels labels = PLANNER.overrideLabels();
    Random random = new Random(11);
    int on = 0;
    for (int i = 0; i < 20_000; i++) {
      if (labels.roll(random).contains("percent(25)")) {
        on++;
      }
    }
    assertTrue(Math.abs(on / 20_000.0 - 0.25) < 0.02, "share of requests rolled on: " + on);
  }

  @Test
  void rollsNothingForASupergraphWithoutLabels() {
    Supergraph plain =
        new SupergraphParser()
            .parse(Composed.supergraph("a", "type Query { n: Int }", "b", "type Query { m: Int }"));
    assertEquals(Set.of(), new QueryPlanner(plain).overrideLabels().roll(new Random(1)));
  }
}
