package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.plan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.podgraph.gateway.fixture.Supergraphs;
import org.junit.jupiter.api.Test;

/**
 * In a fed2 subgraph an {@code @external} key field belongs to another subgraph: it cannot be read
 * from the subgraph to build a representation (only at the level of an entity the subgraph was
 * sent, or where the type is a fed1-style extension). Query.node is shared by a and b; each has one
 * implementation whose {@code id} is external, so {@code node { id }} has no plan and fails with an
 * error (federation-gateway-audit, corrupted-supergraph-node-id).
 */
class ExternalKeyFieldPlanningTest {

  private static final String SUPERGRAPH = Supergraphs.load("external-key-node");

  @Test
  void refusesToReadAnExternalKeyFieldOutsideItsEntityLevel() {
    assertThrows(PlanningException.class, () -> plan(SUPERGRAPH, "{ node(id: \"a1\") { id } }"));
  }

  @Test
  void plansFieldsEachSubgraphResolvesItself() {
    PlanAssertions.assertPlan(
        """
        Fetch(b): { chat(id: "c1") { id } }
        """,
        plan(SUPERGRAPH, "{ chat(id: \"c1\") { id } }"));
  }
}
