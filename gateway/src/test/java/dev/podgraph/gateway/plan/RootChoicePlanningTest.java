package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.assertPlan;
import static dev.podgraph.gateway.plan.PlanAssertions.plan;

import dev.podgraph.gateway.fixture.Composed;
import org.junit.jupiter.api.Test;

/**
 * A root field several subgraphs resolve goes to the one whose plan has the fewest sequential
 * steps, then the fewest fetches: here {@code a} resolves more of the selection ({@code x}), but
 * {@code y} needs {@code z}, which only {@code b} and {@code d} give, so starting at {@code a}
 * takes three steps and starting at {@code b} two. Apollo's planner ({@code @apollo/query-planner}
 * 2.14.4) also plans two steps and three fetches here (it asks {@code product} of both {@code a}
 * and {@code b} in parallel instead).
 */
class RootChoicePlanningTest {

  private static final String SUPERGRAPH =
      Composed.supergraph(
          "a",
          """
          type Query { product: Product @shareable }
          type Product @key(fields: "id") { id: ID! x: Int }
          """,
          "b",
          """
          type Query { product: Product @shareable }
          type Product @key(fields: "id") { id: ID! z: Int @shareable }
          """,
          "c",
          """
          type Product @key(fields: "id") { id: ID! z: Int @external y: Int @requires(fields: "z") }
          """,
          "d",
          """
          type Product @key(fields: "id") { id: ID! z: Int @shareable }
          """);

  @Test
  void startsWhereThePlanHasTheFewestSequentialSteps() {
    assertPlan(
        """
        Sequence
        Fetch(b): { product { __typename id z } }
        Parallel
        Flatten(product)
        Fetch(a): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { x } } }
        Flatten(product)
        Fetch(c): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { y } } }
        End
        End
        """,
        plan(SUPERGRAPH, "{ product { x y } }"));
  }

  @Test
  void keepsTheSubgraphThatAnswersEverythingInOneFetch() {
    assertPlan(
        """
        Fetch(a): { product { x } }
        """,
        plan(SUPERGRAPH, "{ product { x } }"));
  }
}
