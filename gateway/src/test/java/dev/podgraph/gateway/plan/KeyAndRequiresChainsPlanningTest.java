package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.assertPlan;
import static dev.podgraph.gateway.plan.PlanAssertions.plan;

import dev.podgraph.gateway.fixture.Supergraphs;
import org.junit.jupiter.api.Test;

/** Keys reached through another subgraph and @requires that themselves require. */
class KeyAndRequiresChainsPlanningTest {

  private static final String CHAIN = Supergraphs.load("chain");

  @Test
  void fetchesAMissingKeyFromAThirdSubgraphFirst() {
    assertPlan(
        """
        Sequence
        Fetch(a): { books { upc __typename } }
        Flatten(books.@)
        Fetch(b): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Book { id } } }
        Flatten(books.@)
        Fetch(c): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Book { author } } }
        End
        """,
        plan(CHAIN, "{ books { upc author } }"));
  }

  @Test
  void resolvesARequirementThatHasItsOwnRequirementFirst() {
    assertPlan(
        """
        Sequence
        Fetch(a): { item { __typename id a } }
        Flatten(item)
        Fetch(b): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { b } } }
        Flatten(item)
        Fetch(c): query($representations: [_Any!]!, $s: Int) { _entities(representations: $representations) { ... on Item { c(scale: $s) } } }
        End
        """,
        plan(CHAIN, "query($s: Int) { item { c(scale: $s) } }"));
  }

  @Test
  void asksARequiringFieldThroughEntitiesEvenOfTheSubgraphAlreadyAsked() {
    assertPlan(
        """
        Sequence
        Fetch(b): { itemFromB { __typename id } }
        Flatten(itemFromB)
        Fetch(a): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { a } } }
        Flatten(itemFromB)
        Fetch(b): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { b } } }
        End
        """,
        plan(CHAIN, "{ itemFromB { b } }"));
  }
}
