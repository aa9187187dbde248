package dev.podgraph.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.podgraph.gateway.plan.PlanNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planner's renames undone in a fetch's answer: data keys and error paths. */
class AliasRewritesTest {

  private static PlanNode.Fetch fetch(String operation) {
    return new PlanNode.Fetch("a", operation, List.of(), List.of(), Map.of());
  }

  @Test
  void givesRenamedKeysAndErrorPathsTheClientsKeyBack() {
    SubgraphResponse answer =
        new SubgraphResponse(
            Map.of("search", List.of(Map.of("name__pg_Brand", "Acme"))),
            List.of(Map.of("message", "boom", "path", List.of("search", 0, "name__pg_Brand"))));

    SubgraphResponse restored =
        AliasRewrites.restore(
            fetch("{ search { ... on Brand { name__pg_Brand: name } } }"), answer);

    assertEquals(Map.of("search", List.of(Map.of("name", "Acme"))), restored.data());
    assertEquals(List.of("search", 0, "name"), restored.errors().getFirst().get("path"));
  }

  @Test
  void leavesRequirementAliasesAndAnswersWithoutRenamesAlone() {
    SubgraphResponse answer =
        new SubgraphResponse(Map.of("p", Map.of("_req_price_1a", 3, "_pg_id", "x")), List.of());

    assertSame(answer, AliasRewrites.restore(fetch("{ p { _pg_id: id } }"), answer));
  }
}
