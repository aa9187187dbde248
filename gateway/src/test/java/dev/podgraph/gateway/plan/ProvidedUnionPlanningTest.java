package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.assertPlan;
import static dev.podgraph.gateway.plan.PlanAssertions.plan;

import dev.podgraph.gateway.fixture.Supergraphs;
import org.junit.jupiter.api.Test;

/**
 * A shared root field returning a union, where one subgraph {@code @provides} a member's field
 * ({@code "... on Widget { label }"}): that subgraph answers the field itself, so it is the
 * cheapest root choice and no entity fetch is needed for it (federation-gateway-audit,
 * provides-on-union).
 */
class ProvidedUnionPlanningTest {

  private static final String PROVIDED = Supergraphs.load("provided-union");

  @Test
  void choosesTheSubgraphThatProvidesTheMembersField() {
    assertPlan(
        """
        Fetch(b): { things { __typename ... on Widget { id label } ... on Gadget { id } } }
        """,
        plan(PROVIDED, "{ things { ... on Widget { id label } ... on Gadget { id } } }"));
  }

  @Test
  void fetchesOnlyTheFieldsNotProvidedFromTheirOwner() {
    assertPlan(
        """
        Sequence
        Fetch(b): { things { __typename ... on Widget { id label } ... on Gadget { id } } }
        Flatten(things.@)
        Fetch(c): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Gadget { label } } }
        End
        """,
        plan(PROVIDED, "{ things { ... on Widget { id label } ... on Gadget { id label } } }"));
  }
}
