package dev.podgraph.guest.api;

import static dev.podgraph.devinfra.GraphQLAssured.post;
import static dev.podgraph.guest.GuestFixtures.appear;
import static dev.podgraph.guest.GuestFixtures.guestId;
import static dev.podgraph.guest.GuestFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.devinfra.LogCapture;
import dev.podgraph.guest.GuestInfra;
import dev.podgraph.guest.SqlStatements;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * guest-service defends itself when called directly: a bounded number of representations per {@code
 * _entities} call for each of its entity resolvers, and a NUL character in any string argument is
 * the caller's mistake.
 */
@QuarkusTest
@WithTestResource(GuestInfra.class)
class GuestInputLimitsTest {
  private static final String GUEST_ENTITIES =
      "query($r: [_Any!]!) { _entities(representations: $r) { ... on Guest { id name } } }";
  private static final String EPISODE_ENTITIES =
      "query($r: [_Any!]!) { _entities(representations: $r) {"
          + " ... on Episode { id guests { id name } } } }";

  @Inject SessionFactory sessionFactory;

  private static List<Map<String, Object>> representations(String type, int count, String first) {
    List<Map<String, Object>> r = new ArrayList<>(count);
    r.add(Map.of("__typename", type, "id", first));
    while (r.size() < count) {
      r.add(Map.of("__typename", type, "id", UUID.randomUUID().toString()));
    }
    return r;
  }

  private long refused(String query, List<Map<String, Object>> representations) {
    long started = System.nanoTime();
    long statements =
        SqlStatements.during(
            sessionFactory,
            () ->
                post(query, Map.of("r", representations))
                    .statusCode(200)
                    .body("data._entities", nullValue())
                    .body("errors", hasSize(1))
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", containsString("1001 given, the limit is 1000"))
                    .body(
                        "errors[0].message",
                        containsString("podgraph.entities.max-representations")));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(millis < 5_000, "refused in " + millis + " ms");
    return statements;
  }

  @Test
  void refusesMoreGuestRepresentationsThanTheLimitBeforeTouchingTheDatabase() {
    List<Map<String, Object>> over = representations("Guest", 1001, UUID.randomUUID().toString());
    assertEquals(0, refused(GUEST_ENTITIES, over), "no SQL for a refused call");
  }

  @Test
  void refusesMoreEpisodeRepresentationsThanTheLimitBeforeTouchingTheDatabase() {
    List<Map<String, Object>> over = representations("Episode", 1001, "ep-" + unique());
    assertEquals(0, refused(EPISODE_ENTITIES, over), "no SQL for a refused call");
  }

  @Test
  void answersExactlyTheLimitOfGuestRepresentations() {
    String guest = guestId("At The Limit");
    long statements =
        SqlStatements.during(
            sessionFactory,
            () ->
                post(GUEST_ENTITIES, Map.of("r", representations("Guest", 1000, guest)))
                    .statusCode(200)
                    .body("errors", nullValue())
                    .body("data._entities", hasSize(1000))
                    .body("data._entities[0].id", equalTo(guest))
                    .body("data._entities[0].name", startsWith("At The Limit"))
                    .body("data._entities[999]", nullValue()));
    assertTrue(statements <= 2, "guests, then redirects of the unknown ids: " + statements);
  }

  @Test
  void answersExactlyTheLimitOfEpisodeRepresentationsWithOneStatement() {
    String guest = guestId("Limit Guest");
    String episode = "ep-" + unique();
    appear(guest, episode, "GUEST", 0);
    long statements =
        SqlStatements.during(
            sessionFactory,
            () ->
                post(EPISODE_ENTITIES, Map.of("r", representations("Episode", 1000, episode)))
                    .statusCode(200)
                    .body("errors", nullValue())
                    .body("data._entities", hasSize(1000))
                    .body("data._entities[0].guests.id", equalTo(List.of(guest)))
                    .body("data._entities[999].guests", hasSize(0)));
    assertEquals(1, statements, "lineups of 1000 episodes in one statement");
  }

  @Test
  void aNulCharacterInASlugOrIdIsBadUserInputAndLogsNoError() {
    try (LogCapture log = new LogCapture()) {
      for (Map<String, Object> args :
          List.<Map<String, Object>>of(
              Map.of("s", "glyph-\u0000lefkowitz"), Map.of("id", "\u0000"))) {
        post("query($id: ID, $s: String) { guest(id: $id, slug: $s) { id } }", args)
            .statusCode(200)
            .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
            .body("errors[0].message", containsString("NUL"));
      }
      post(GUEST_ENTITIES, Map.of("r", List.of(Map.of("__typename", "Guest", "id", "a\u0000"))))
          .statusCode(200)
          .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
          .body("errors[0].message", containsString("NUL"));
      assertEquals(List.of(), log.errorsAndStackTraces());
    }
  }

  @Test
  void aNulCharacterInTheNameFilterIsBadUserInputAndLogsNoError() {
    try (LogCapture log = new LogCapture()) {
      post(
              "query($n: String) { guests(first: 5, filter: {name: $n}) { totalCount } }",
              Map.of("n", "zimmer\u0000man"))
          .statusCode(200)
          .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
          .body("errors[0].extensions.violations[0].field", equalTo("filter.name"))
          .body("errors[0].message", containsString("NUL"));
      assertEquals(List.of(), log.errorsAndStackTraces());
    }
  }
}
