package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.assertPlan;
import static dev.podgraph.gateway.plan.PlanAssertions.plan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.podgraph.gateway.fixture.Supergraphs;
import org.junit.jupiter.api.Test;

/**
 * Subgraph a returns interface Node and knows no implementation of it; Node.field lives only in b,
 * an {@code @interfaceObject} whose key is {@code resolvable: false}. The field cannot be reached,
 * so the operation fails as a whole (data null, an error) instead of dropping the field
 * (federation-gateway-audit, non-resolvable-interface-object).
 */
class UnreachableInterfaceFieldPlanningTest {

  private static final String SUPERGRAPH = Supergraphs.load("unreachable-interface");

  @Test
  void refusesAnInterfaceFieldNoSubgraphCanBeEnteredFor() {
    PlanningException error =
        assertThrows(PlanningException.class, () -> plan(SUPERGRAPH, "{ a { field } }"));
    org.junit.jupiter.api.Assertions.assertTrue(
        error.getMessage().contains("Node.field"), error.getMessage());
  }

  @Test
  void stillAsksTheFieldsTheSubgraphResolvesItself() {
    assertPlan(
        """
        Fetch(b): { b { __typename id field } }
        """,
        plan(SUPERGRAPH, "{ b { id field } }"));
  }
}
