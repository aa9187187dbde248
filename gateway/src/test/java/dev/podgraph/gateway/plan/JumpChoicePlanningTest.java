package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.assertPlan;
import static dev.podgraph.gateway.plan.PlanAssertions.plan;

import dev.podgraph.gateway.fixture.Composed;
import org.junit.jupiter.api.Test;

/**
 * Below the root, the subgraph of an entity jump is the one whose plan costs least (fewest
 * sequential steps, then fewest fetches), not the first that can be entered. The expected plans are
 * Apollo's ({@code @apollo/query-planner} 2.14.4, {@code node plan.js
 * cases/entity-jump-choice-by-cost.json} and {@code
 * cases/entity-jump-choice-through-intermediate.json} in tools/plan-check): the same fetches in the
 * same steps, written in this planner's form.
 */
class JumpChoicePlanningTest {

  /**
   * {@code owner} is shareable between {@code b} (entered by {@code id}) and {@code c} (entered by
   * {@code sku}); only {@code c} knows the owner's {@code name}.
   */
  private static final String SHAREABLE =
      Composed.supergraph(
          "a",
          """
          type Query { item: Item }
          type Item @key(fields: "id") @key(fields: "sku") { id: ID! sku: String! }
          """,
          "b",
          """
          type Item @key(fields: "id") { id: ID! price: Int owner: Owner @shareable }
          type Owner @key(fields: "id") { id: ID! }
          """,
          "c",
          """
          type Item @key(fields: "sku") { sku: String! id: ID! @shareable owner: Owner @shareable }
          type Owner @key(fields: "id") { id: ID! name: String }
          """);

  /**
   * The first subgraph that can be entered, {@code b}, gives the owner, but then the owner's {@code
   * name} is one more step away in {@code c}: three steps. Asking {@code c} for the owner takes
   * two. Apollo plans the same two steps.
   */
  @Test
  void asksTheSubgraphThatAnswersTheWholeSelectionInOneStep() {
    assertPlan(
        """
        Sequence
        Fetch(a): { item { __typename sku } }
        Flatten(item)
        Fetch(c): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { owner { name } } } }
        End
        """,
        plan(SHAREABLE, "{ item { owner { name } } }"));
  }

  /**
   * An entity fetch to {@code b} is already planned at {@code item} for {@code price}; putting
   * {@code owner} in it saves no fetch and costs a step, so {@code owner} goes to {@code c} in
   * parallel with it. Apollo: the same parallel pair after {@code a}.
   */
  @Test
  void leavesAnExistingEntityFetchWhenAnotherSubgraphSavesAStep() {
    assertPlan(
        """
        Sequence
        Fetch(a): { item { __typename id sku } }
        Parallel
        Flatten(item)
        Fetch(b): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { price } } }
        Flatten(item)
        Fetch(c): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { owner { name } } } }
        End
        End
        """,
        plan(SHAREABLE, "{ item { price owner { name } } }"));
  }

  /** At the same cost the first subgraph that can be entered keeps the field, as Apollo's does. */
  @Test
  void keepsTheFirstSubgraphWhenTheCostsTie() {
    assertPlan(
        """
        Sequence
        Fetch(a): { item { __typename id } }
        Flatten(item)
        Fetch(b): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { owner { id } } } }
        End
        """,
        plan(SHAREABLE, "{ item { owner { id } } }"));
  }

  /**
   * A chain through an intermediate subgraph: {@code c} can only be entered by {@code sku}, which
   * {@code b} gives, yet going there is cheaper than taking {@code owner} from {@code b} directly:
   * {@code b}'s owner carries only {@code id}, so its {@code pet} comes from {@code d} and the
   * pet's {@code name} from {@code c}: four steps ({@code a}, {@code b}, {@code d}, {@code c})
   * against three for the chain ({@code a}, {@code b} for {@code sku}, {@code c} for the whole
   * selection). Apollo plans the same three steps.
   */
  @Test
  void takesAChainThroughAnotherSubgraphWhenItHasFewerSteps() {
    String supergraph =
        Composed.supergraph(
            "a",
            """
            type Query { item: Item }
            type Item @key(fields: "id") { id: ID! }
            """,
            "b",
            """
            type Item @key(fields: "id") { id: ID! sku: String! @shareable owner: Owner @shareable }
            type Owner @key(fields: "id") { id: ID! }
            """,
            "c",
            """
            type Item @key(fields: "sku") {
              sku: String! @shareable
              id: ID! @shareable
              owner: Owner @shareable
            }
            type Owner @key(fields: "email") { email: String! pet: Pet @shareable }
            type Pet @key(fields: "id") { id: ID! name: String }
            """,
            "d",
            """
            type Owner @key(fields: "id") { id: ID! pet: Pet @shareable }
            type Pet @key(fields: "id") { id: ID! }
            """,
            "e",
            """
            type Owner @key(fields: "id") @key(fields: "email") { id: ID! email: String! }
            """);
    assertPlan(
        """
        Sequence
        Fetch(a): { item { __typename id } }
        Flatten(item)
        Fetch(b): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { sku } } }
        Flatten(item)
        Fetch(c): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { owner { pet { name } } } } }
        End
        """,
        plan(supergraph, "{ item { owner { pet { name } } } }"));
  }
}
