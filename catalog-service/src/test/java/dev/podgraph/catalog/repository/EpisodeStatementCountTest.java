package dev.podgraph.catalog.repository;

import static dev.podgraph.catalog.EpisodeFixtures.createMany;
import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.catalog.CatalogInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * SQL statements per request, counted by Hibernate statistics (enabled in the test profile). Each
 * request uses arguments no earlier request used, so the cache cannot answer it. Requests are an
 * editor's, who sees the fixtures' drafts (anonymous reads are as cheap: VisibilityTest).
 */
@QuarkusTest
@WithTestResource(CatalogInfra.class)
class EpisodeStatementCountTest {
  private static List<String> ids;

  @Inject SessionFactory sessionFactory;

  private static synchronized List<String> fiftyEpisodes() {
    if (ids == null) {
      ids = createMany(50, "statement-count");
    }
    return ids;
  }

  private long statementsFor(
      String query, Map<String, ?> variables, String expectPath, Object expect) {
    Statistics stats = sessionFactory.getStatistics();
    stats.clear();
    asEditor(query, variables)
        .statusCode(200)
        .body("errors", equalTo(null))
        .body(expectPath, equalTo(expect));
    return stats.getPrepareStatementCount();
  }

  @Test
  void answersFiftyEntityRepresentationsWithOneStatement() {
    List<Map<String, Object>> representations = new ArrayList<>();
    for (String id : fiftyEpisodes()) {
      representations.add(Map.of("__typename", "Episode", "id", id));
    }
    representations.add(Map.of("__typename", "Episode", "id", UUID.randomUUID().toString()));
    String query =
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Episode { id title } } }";

    long statements =
        statementsFor(query, Map.of("r", representations), "data._entities.size()", 51);

    assertEquals(1, statements);
    asEditor(query, Map.of("r", representations))
        .body("data._entities[0].id", equalTo(fiftyEpisodes().get(0)))
        .body("data._entities[49].id", equalTo(fiftyEpisodes().get(49)))
        .body("data._entities[50]", equalTo(null));
  }

  @Test
  void aPageOfFiftyCostsAsManyStatementsAsAPageOfFive() {
    fiftyEpisodes();
    String query =
        "query($n: Int) { episodes(first: $n, filter: {category: \"statement-count\"}) {"
            + " totalCount edges { node { id title sponsors { name } questions { text } } } } }";
    long five = statementsFor(query, Map.of("n", 5), "data.episodes.edges.size()", 5);
    long fifty = statementsFor(query, Map.of("n", 50), "data.episodes.edges.size()", 50);
    assertEquals(five, fifty);
    assertEquals(2, fifty, "the rows and the total count");
  }

  @Test
  void aSearchPageOfFiftyCostsAsManyStatementsAsAPageOfFive() {
    fiftyEpisodes();
    String query =
        "query($n: Int) { searchEpisodes(text: \"episode\", first: $n) { totalCount edges { node { id } } } }";
    long five = statementsFor(query, Map.of("n", 5), "data.searchEpisodes.edges.size()", 5);
    long fifty = statementsFor(query, Map.of("n", 50), "data.searchEpisodes.edges.size()", 50);
    assertEquals(five, fifty);
  }
}
