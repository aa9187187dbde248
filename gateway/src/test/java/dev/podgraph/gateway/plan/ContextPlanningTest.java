package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.assertPlan;
import static dev.podgraph.gateway.plan.PlanAssertions.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.ContextSupergraphs;
import dev.podgraph.gateway.supergraph.SupergraphParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contextual arguments (Federation 2.8 {@code @context} / {@code @fromContext}), planned as
 * Apollo's planner plans them ({@code @apollo/query-planner} 2.14.4 over the same subgraphs: {@code
 * cd tools/plan-check && npm ci && node plan.js cases/context-basic.json}, likewise {@code
 * context-list} and {@code context-ancestor-entered-by-key}). Apollo's plans are quoted above each
 * test; ours select the same fields in the same fetches, in another order (the context's field is
 * added to the ancestor after the fields planned before it), and number the variables the same.
 */
class ContextPlanningTest {

  /**
   * Apollo: {@code one: { t { __typename prop u { __typename id } } }}, then {@code Flatten(t.u)}
   * {@code one: ... on U { field(a: $contextualArgument_1_0) }} with the rewrite {@code KeyRenamer
   * ["..", "... on T", "prop"] -> contextualArgument_1_0}: the field goes through its parent's
   * {@code _entities} although the context is in the same subgraph.
   */
  @Test
  void asksTheFieldThroughItsParentEntityAndReadsTheContextFromTheAncestor() {
    assertPlan(
        """
        Sequence
        Fetch(one): { t { u { __typename id } __typename prop } }
        Flatten(t.u)
        Fetch(one): query($representations: [_Any!]!, $contextualArgument_1_0: String) { _entities(representations: $representations) { ... on U { field(a: $contextualArgument_1_0) } } }
        Context(../... on T/prop → contextualArgument_1_0)
        End
        """,
        plan(ContextSupergraphs.BASIC, "{ t { u { field } } }"));
  }

  /** Apollo: the same plan; the client's {@code prop} and the context's are one selection. */
  @Test
  void sharesTheContextFieldWithTheClientsSelectionOfIt() {
    assertPlan(
        """
        Sequence
        Fetch(one): { t { prop u { id __typename } __typename } }
        Flatten(t.u)
        Fetch(one): query($representations: [_Any!]!, $contextualArgument_1_0: String) { _entities(representations: $representations) { ... on U { field(a: $contextualArgument_1_0) } } }
        Context(../... on T/prop → contextualArgument_1_0)
        End
        """,
        plan(ContextSupergraphs.BASIC, "{ t { prop u { id field } } }"));
  }

  /** Apollo: {@code Flatten(ts.@.u)}, the rewrite {@code ["..", "... on T", "prop"]}. */
  @Test
  void readsTheContextOfEachElementOfAList() {
    assertPlan(
        """
        Sequence
        Fetch(one): { ts { u { __typename id } __typename prop } }
        Flatten(ts.@.u)
        Fetch(one): query($representations: [_Any!]!, $contextualArgument_1_0: String) { _entities(representations: $representations) { ... on U { field(a: $contextualArgument_1_0) } } }
        Context(../... on T/prop → contextualArgument_1_0)
        End
        """,
        plan(ContextSupergraphs.LIST, "{ ts { u { field } } }"));
  }

  /** Apollo: {@code Flatten(ts.@.v.u)}, the rewrite {@code ["..", "..", "... on T", "prop"]}. */
  @Test
  void readsAContextSetTwoLevelsUp() {
    assertPlan(
        """
        Sequence
        Fetch(one): { ts { v { u { __typename id } } __typename prop } }
        Flatten(ts.@.v.u)
        Fetch(one): query($representations: [_Any!]!, $contextualArgument_1_0: String) { _entities(representations: $representations) { ... on U { field(a: $contextualArgument_1_0) } } }
        Context(../../... on T/prop → contextualArgument_1_0)
        End
        """,
        plan(ContextSupergraphs.LIST, "{ ts { v { u { field } } } }"));
  }

  /**
   * Apollo: {@code one: { t { __typename id } }}; {@code Flatten(t)} {@code two: ... on T {
   * __typename prop u { __typename id } }}; {@code Flatten(t.u)} {@code two: ... on U { field(a:
   * $contextualArgument_2_0) }} with {@code ["..", "... on T", "prop"]}: the context's field is
   * asked where the ancestor is, in the entity fetch that entered it.
   */
  @Test
  void asksTheContextFieldInTheEntityFetchThatHoldsTheAncestor() {
    assertPlan(
        """
        Sequence
        Fetch(one): { t { __typename id } }
        Flatten(t)
        Fetch(two): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on T { u { __typename id } prop } } }
        Flatten(t.u)
        Fetch(two): query($representations: [_Any!]!, $contextualArgument_1_0: String) { _entities(representations: $representations) { ... on U { field(a: $contextualArgument_1_0) } } }
        Context(../... on T/prop → contextualArgument_1_0)
        End
        """,
        plan(ContextSupergraphs.ENTERED_BY_KEY, "{ t { u { field } } }"));
  }

  @Test
  void explainsTheRewriteAsApolloRouterDoes() {
    QueryPlan plan = plan(ContextSupergraphs.LIST, "{ ts { v { u { field } } } }");
    Map<String, Object> explained = PlanExplainer.explain(plan);
    assertTrue(
        explained
            .get("text")
            .toString()
            .contains("context: ../../... on T/prop → contextualArgument_1_0"),
        explained.get("text").toString());
    PlanNode.Flatten flatten =
        (PlanNode.Flatten) ((PlanNode.Sequence) plan.root().orElseThrow()).nodes().get(1);
    ContextRewrite rewrite = flatten.fetch().contextRewrites().getFirst();
    assertEquals(List.of("..", "..", "... on T", "prop"), rewrite.path());
    assertEquals(List.of(), flatten.fetch().variableUsages(), "not a client variable");
  }

  @Test
  void readsContextsAndContextArgumentsFromTheSupergraph() {
    var supergraph = new SupergraphParser().parse(ContextSupergraphs.BASIC);
    assertEquals(java.util.Set.of("one__ctx"), supergraph.type("T").contexts());
    var argument =
        supergraph
            .type("U")
            .field("field")
            .orElseThrow()
            .perSubgraph()
            .get("one")
            .contextArguments();
    assertEquals(1, argument.size());
    assertEquals("one__ctx", argument.getFirst().context());
    assertEquals("a", argument.getFirst().name());
    assertEquals("String", argument.getFirst().type());
    assertEquals(
        "prop",
        ((graphql.language.Field) argument.getFirst().selection().getSelections().getFirst())
            .getName());
    assertTrue(supergraph.findType("context__ContextFieldValue").isEmpty(), "machinery");
  }

  @Test
  void refusesAFieldWhoseContextNoAncestorSets() {
    String orphan =
        ContextSupergraphs.LIST.replace(
            "  ts: [T!]! @join__field(graph: ONE)\n",
            "  ts: [T!]! @join__field(graph: ONE)\n  us: [U!]! @join__field(graph: ONE)\n");
    PlanningException e =
        assertThrows(PlanningException.class, () -> plan(orphan, "{ us { field } }"));
    assertTrue(
        e.getMessage().contains("no ancestor on its path sets context one__ctx"), e.getMessage());
  }
}
