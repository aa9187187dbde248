package dev.podgraph.catalog.api;

import static dev.podgraph.catalog.EpisodeFixtures.createPublished;
import static dev.podgraph.devinfra.GraphQLAssured.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.catalog.CatalogInfra;
import dev.podgraph.devinfra.LogCapture;
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
 * catalog-service defends itself when called directly: a bounded number of representations per
 * {@code _entities} call, and a NUL character in any string argument is the caller's mistake.
 */
@QuarkusTest
@WithTestResource(CatalogInfra.class)
class CatalogInputLimitsTest {
  private static final String ENTITIES =
      "query($r: [_Any!]!) { _entities(representations: $r) { ... on Episode { id title } } }";

  @Inject SessionFactory sessionFactory;

  private static List<Map<String, Object>> representations(int count, String first) {
    List<Map<String, Object>> r = new ArrayList<>(count);
    r.add(Map.of("__typename", "Episode", "id", first));
    while (r.size() < count) {
      r.add(Map.of("__typename", "Episode", "id", UUID.randomUUID().toString()));
    }
    return r;
  }

  @Test
  void refusesMoreRepresentationsThanTheLimitBeforeTouchingTheDatabase() {
    Statistics stats = sessionFactory.getStatistics();
    stats.clear();
    long started = System.nanoTime();
    post(ENTITIES, Map.of("r", representations(1001, UUID.randomUUID().toString())))
        .statusCode(200)
        .body("data._entities", nullValue())
        .body("errors", hasSize(1))
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body("errors[0].message", containsString("1001 given, the limit is 1000"))
        .body("errors[0].message", containsString("podgraph.entities.max-representations"));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(0, stats.getPrepareStatementCount(), "no SQL for a refused call");
    assertTrue(millis < 5_000, "refused in " + millis + " ms");
  }

  @Test
  void answersExactlyTheLimitOfRepresentationsWithOneStatement() {
    String id = (String) createPublished("At the limit", "input-limits").get("id");
    Statistics stats = sessionFactory.getStatistics();
    stats.clear();
    post(ENTITIES, Map.of("r", representations(1000, id)))
        .statusCode(200)
        .body("errors", nullValue())
        .body("data._entities", hasSize(1000))
        .body("data._entities[0].id", equalTo(id))
        .body("data._entities[0].title", startsWith("At the limit"))
        .body("data._entities[999]", nullValue());
    assertEquals(1, stats.getPrepareStatementCount(), "one array parameter, one statement");
  }

  @Test
  void aNulCharacterInSearchTextIsBadUserInputAndLogsNoError() {
    try (LogCapture log = new LogCapture()) {
      post(
              "query($t: String!) { searchEpisodes(text: $t) { totalCount } }",
              Map.of("t", "re\u0000dis"))
          .statusCode(200)
          .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
          .body("errors[0].message", containsString("text"))
          .body("errors[0].message", containsString("NUL"))
          .body("errors[0].extensions.violations[0].field", equalTo("text"));
      assertEquals(List.of(), log.errorsAndStackTraces());
    }
  }

  @Test
  void aNulCharacterInASlugAnIdOrAFilterIsBadUserInputAndLogsNoError() {
    try (LogCapture log = new LogCapture()) {
      for (Map<String, Object> args :
          List.<Map<String, Object>>of(Map.of("s", "some-\u0000slug"), Map.of("id", "\u0000"))) {
        post("query($id: ID, $s: String) { episode(id: $id, slug: $s) { id } }", args)
            .statusCode(200)
            .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
            .body("errors[0].message", containsString("NUL"));
      }
      post(
              "query($c: String) { episodes(first: 5, filter: {category: $c}) { totalCount } }",
              Map.of("c", "cat\u0000"))
          .statusCode(200)
          .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
          .body("errors[0].extensions.violations[0].field", equalTo("filter.category"));
      post(ENTITIES, Map.of("r", List.of(Map.of("__typename", "Episode", "id", "a\u0000b"))))
          .statusCode(200)
          .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
          .body("errors[0].message", containsString("NUL"));
      assertEquals(List.of(), log.errorsAndStackTraces());
    }
  }
}
