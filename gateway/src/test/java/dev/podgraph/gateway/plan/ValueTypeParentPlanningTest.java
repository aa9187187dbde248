package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.assertPlan;
import static dev.podgraph.gateway.plan.PlanAssertions.plan;

import dev.podgraph.gateway.fixture.Supergraphs;
import org.junit.jupiter.api.Test;

/**
 * A type that some subgraphs key but that is a value type (no key) in the subgraph owning the
 * wanted field: that subgraph cannot be entered on the type, so the field is asked again through
 * the parent entity (federation-gateway-audit, parent-entity-call and parent-entity-call-complex).
 */
class ValueTypeParentPlanningTest {

  @Test
  void asksAFieldOfAValueTypeThroughTheParentEntityOfItsOwner() {
    // Group.details lives only in c, where Group has no key; Item (key "id pid") leads there.
    assertPlan(
        """
        Sequence
        Fetch(a): { items { id group { id } __typename pid } }
        Flatten(items.@)
        Fetch(c): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { group { details { items } } } } }
        End
        """,
        plan(
            Supergraphs.load("value-parent-simple"),
            "{ items { id group { id details { items } } } }"));
  }

  @Test
  void entersAKeyedTypeOnlyFromASubgraphThatCanGiveItsKey() {
    // Group.details is only in a (no key there), Group.id is in b (no key) and c (key "id"),
    // Group.name only in c: a cannot give c's key, so the group is entered in b, which gives c's
    // key, and details is asked of a through the parent Item. Taking group from a first (the
    // greedy choice before jumps were chosen by cost) planned the same four fetches in four steps.
    assertPlan(
        """
        Sequence
        Fetch(d): { itemFromD(id: "1") { id name __typename } }
        Flatten(itemFromD)
        Fetch(b): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { group { id __typename } id } } }
        Parallel
        Flatten(itemFromD.group)
        Fetch(c): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Group { name } } }
        Flatten(itemFromD)
        Fetch(a): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { group { details } } } }
        End
        End
        """,
        plan(
            Supergraphs.load("value-parent-complex"),
            "{ itemFromD(id: \"1\") { id name group { id name details } } }"));
  }
}
