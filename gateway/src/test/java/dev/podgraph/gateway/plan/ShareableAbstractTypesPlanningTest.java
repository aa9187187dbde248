package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.assertPlan;
import static dev.podgraph.gateway.plan.PlanAssertions.plan;

import dev.podgraph.gateway.fixture.Composed;
import org.junit.jupiter.api.Test;

/**
 * A {@code @shareable} field whose union has different members in different subgraphs
 * (federation-gateway-audit, union-intersection). While the path can still be answered by several
 * subgraphs only the members common to all of them are asked; once a field only one subgraph
 * resolves is on the path, that subgraph's members count. Every expected plan here is the one
 * Apollo's planner ({@code @apollo/query-planner} 2.14.4) returns for the same subgraphs.
 */
class ShareableAbstractTypesPlanningTest {

  private static final String SHARED =
      Composed.supergraph(
          "a",
          """
          union Media = Book | Song
          type Book { title: String! @shareable }
          type Song { title: String! @shareable }
          type Query { media: Media @shareable viewer: Viewer @shareable aViewer: Viewer }
          type Viewer { media: Media @shareable }
          """,
          "b",
          """
          union Media = Book | Movie
          type Book { title: String! @shareable }
          type Movie { title: String! @shareable }
          type Query { media: Media @shareable viewer: Viewer @shareable }
          type Viewer { media: Media @shareable }
          """);

  private static final String ENTITY =
      Composed.supergraph(
          "a",
          """
          union Media = Book | Song
          type Book { title: String! @shareable }
          type Song { title: String! @shareable }
          type Query { product: Product }
          type Product @key(fields: "id") { id: ID! media: Media @shareable }
          """,
          "b",
          """
          union Media = Book | Movie
          type Book { title: String! @shareable }
          type Movie { title: String! @shareable }
          type Product @key(fields: "id") { id: ID! media: Media @shareable extra: String }
          """);

  @Test
  void asksNoMemberThatAnotherCandidateSubgraphLacks() {
    assertPlan(
        """
        Fetch(a): { media { __typename } }
        """,
        plan(SHARED, "{ media { ... on Song { title } } }"));
  }

  @Test
  void keepsTheMembersEveryCandidateSubgraphHas() {
    assertPlan(
        """
        Fetch(a): { media { __typename ... on Book { title } } }
        """,
        plan(
            SHARED,
            "{ media { ... on Book { title } ... on Movie { title } ... on Song { title } } }"));
  }

  @Test
  void countsTheOnlySubgraphsMembersOnceAFieldIsResolvedThereAlone() {
    assertPlan(
        """
        Fetch(a): { viewer { media { __typename } } aViewer { media { __typename ... on Song { title } } } }
        """,
        plan(
            SHARED,
            "{ viewer { media { ... on Song { title } } } aViewer { media { ... on Song { title } } } }"));
  }

  @Test
  void countsASubgraphThatCanBeEnteredByKeyAsACandidate() {
    assertPlan(
        """
        Fetch(a): { product { media { __typename } } }
        """,
        plan(ENTITY, "{ product { media { ... on Song { title } ... on Movie { title } } } }"));
  }
}
