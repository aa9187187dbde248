package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.assertPlan;
import static dev.podgraph.gateway.plan.PlanAssertions.plan;

import dev.podgraph.gateway.fixture.Supergraphs;
import org.junit.jupiter.api.Test;

/**
 * A subgraph may declare a field with a narrower type than the supergraph ({@code join__field(type:
 * ...)}): an object where the supergraph has a union. Fragments on other members cannot be spread
 * in that subgraph's operation (GraphQL validation, "fragment cannot be spread here"), so they are
 * left out (federation-gateway-audit, union-intersection).
 */
class NarrowedFieldTypePlanningTest {

  private static final String NARROWED = Supergraphs.load("narrowed");

  @Test
  void leavesOutFragmentsTheSubgraphsNarrowerFieldTypeCannotTake() {
    assertPlan(
        """
        Fetch(a): { holder { item { __typename ... on Widget { label } } } }
        """,
        plan(
            NARROWED,
            "{ holder { item { __typename ... on Gadget { label } ... on Widget { label } } } }"));
  }
}
