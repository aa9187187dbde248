package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.assertPlan;
import static dev.podgraph.gateway.plan.PlanAssertions.plan;

import dev.podgraph.gateway.fixture.Supergraphs;
import org.junit.jupiter.api.Test;

/** Interfaces, interface objects, shared value types, composite keys and overrides. */
class AbstractTypesPlanningTest {

  private static final String LIBRARY = Supergraphs.load("library");

  @Test
  void asksASharedValueTypeOfEverySubgraphThatOwnsPartOfIt() {
    assertPlan(
        """
        Parallel
        Fetch(a): { settings { theme } }
        Fetch(b): { settings { locale } }
        End
        """,
        plan(LIBRARY, "{ settings { theme locale } }"));
  }

  @Test
  void resolvesAFieldOfAnInterfaceObjectWithTheInterfaceAsRepresentationType() {
    QueryPlan plan = plan(LIBRARY, "{ accounts { name rating } }");
    assertPlan(
        """
        Sequence
        Fetch(a): { accounts { __typename ... on Admin { name id } ... on Member { name__pg_Member: name id } } }
        Flatten(accounts.@)
        Fetch(b): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Account { rating } } }
        End
        """,
        plan);
    PlanNode.Flatten flatten =
        (PlanNode.Flatten) ((PlanNode.Sequence) plan.root().get()).nodes().get(1);
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of("Admin:Account", "Member:Account"),
        flatten.fetch().requires().stream()
            .map(r -> r.runtimeType() + ":" + r.representationType())
            .toList());
  }

  @Test
  void aliasesFieldsWhoseTypesDifferBetweenSiblingFragmentsInTheSubgraph() {
    // Admin.name is String! in subgraph a, Member.name is String: a cannot merge them unaliased.
    assertPlan(
        """
        Fetch(a): { accounts { __typename ... on Admin { name } ... on Member { name__pg_Member: name } } }
        """,
        plan(LIBRARY, "{ accounts { name } }"));
  }

  @Test
  void asksTheInterfaceOwnerForTheRealTypeBehindAnInterfaceObject() {
    assertPlan(
        """
        Sequence
        Fetch(b): { topAccount { __typename rating id } }
        Flatten(topAccount)
        Fetch(a): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Account { __typename ... on Admin { level } } } }
        End
        """,
        plan(LIBRARY, "{ topAccount { rating __typename ... on Admin { level } } }"));
  }

  @Test
  void asksOnlyTheTypesASubgraphCanReturnAndJumpsForTheRest() {
    assertPlan(
        """
        Sequence
        Fetch(b): { media { __typename ... on Book { title isbn } } }
        Flatten(media.@)
        Fetch(c): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Book { pages } } }
        End
        """,
        plan(LIBRARY, "{ media { title ... on Book { pages } ... on Movie { id } } }"));
  }

  @Test
  void followsAnOverriddenFieldToItsNewOwnerThroughACompositeKey() {
    assertPlan(
        """
        Sequence
        Fetch(c): { order { lines __typename id region } }
        Flatten(order)
        Fetch(a): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Order { status } } }
        End
        """,
        plan(LIBRARY, "{ order { lines status } }"));
  }

  @Test
  void asksAValueTypeFieldAgainThroughTheNearestEntity() {
    assertPlan(
        """
        Sequence
        Fetch(c): { order { shipping { eta } __typename id region } }
        Flatten(order)
        Fetch(a): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Order { shipping { carrier } } } }
        End
        """,
        plan(LIBRARY, "{ order { shipping { eta carrier } } }"));
  }
}
