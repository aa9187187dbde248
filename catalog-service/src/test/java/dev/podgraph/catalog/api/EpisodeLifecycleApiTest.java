package dev.podgraph.catalog.api;

import static dev.podgraph.catalog.EpisodeFixtures.create;
import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.podgraph.catalog.CatalogInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CatalogInfra.class)
class EpisodeLifecycleApiTest {
  private static final String FUTURE =
      Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

  /** The mutations of the lifecycle and the states each may start from (README). */
  private static final Map<String, List<String>> ALLOWED_FROM =
      Map.of(
          "scheduleEpisode", List.of("DRAFT", "SCHEDULED"),
          "unscheduleEpisode", List.of("SCHEDULED"),
          "publishEpisode", List.of("DRAFT", "SCHEDULED"),
          "archiveEpisode", List.of("PUBLISHED"),
          "unarchiveEpisode", List.of("ARCHIVED"));

  /** The moves that bring a new DRAFT episode into each state. */
  private static final Map<String, List<String>> PATH_TO =
      Map.of(
          "DRAFT", List.of(),
          "SCHEDULED", List.of("scheduleEpisode"),
          "PUBLISHED", List.of("publishEpisode"),
          "ARCHIVED", List.of("publishEpisode", "archiveEpisode"));

  private static String mutation(String name) {
    String at = name.equals("scheduleEpisode") ? ", at: $at" : "";
    String atVar = name.equals("scheduleEpisode") ? ", $at: DateTime!" : "";
    return "mutation($id: ID!, $v: Int!"
        + atVar
        + ") { "
        + name
        + "(id: $id, expectedVersion: $v"
        + at
        + ") { id status version updatedAt scheduledFor publishedAt archivedAt } }";
  }

  private static Map<String, Object> move(String name, Map<String, Object> episode) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("id", episode.get("id"));
    vars.put("v", episode.get("version"));
    if (name.equals("scheduleEpisode")) {
      vars.put("at", FUTURE);
    }
    return asEditor(mutation(name), vars).extract().path("data." + name);
  }

  private static Map<String, Object> episodeIn(String status) {
    Map<String, Object> episode = create("Lifecycle " + status, "lifecycle");
    for (String step : PATH_TO.get(status)) {
      episode = move(step, episode);
    }
    return episode;
  }

  @Test
  void rejectsEveryInvalidTransitionAndChangesNothing() {
    for (String state : PATH_TO.keySet()) {
      for (Map.Entry<String, List<String>> mutation : ALLOWED_FROM.entrySet()) {
        if (mutation.getValue().contains(state)) {
          continue;
        }
        Map<String, Object> before = episodeIn(state);
        Map<String, Object> vars = new HashMap<>();
        vars.put("id", before.get("id"));
        vars.put("v", before.get("version"));
        vars.put("at", FUTURE);
        if (!mutation.getKey().equals("scheduleEpisode")) {
          vars.remove("at");
        }
        asEditor(mutation(mutation.getKey()), vars)
            .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
            .body("errors[0].message", containsString(state));
        asEditor(
                "query($id: ID) { episode(id: $id) { status version updatedAt } }",
                Map.of("id", before.get("id")))
            .body("data.episode.status", equalTo(state))
            .body("data.episode.version", equalTo(before.get("version")))
            .body("data.episode.updatedAt", equalTo(before.get("updatedAt")));
      }
    }
  }

  @Test
  void walksTheWholeLifecycleStampingEachMove() {
    Map<String, Object> e = create("Full Life", "lifecycle");
    e = move("scheduleEpisode", e);
    org.junit.jupiter.api.Assertions.assertEquals("SCHEDULED", e.get("status"));
    org.junit.jupiter.api.Assertions.assertEquals(
        Instant.parse(FUTURE), Instant.parse((String) e.get("scheduledFor")));
    e = move("unscheduleEpisode", e);
    org.junit.jupiter.api.Assertions.assertEquals("DRAFT", e.get("status"));
    org.junit.jupiter.api.Assertions.assertNull(e.get("scheduledFor"));
    e = move("scheduleEpisode", e);
    e = move("publishEpisode", e);
    org.junit.jupiter.api.Assertions.assertEquals("PUBLISHED", e.get("status"));
    org.junit.jupiter.api.Assertions.assertNotNull(e.get("publishedAt"));
    e = move("archiveEpisode", e);
    org.junit.jupiter.api.Assertions.assertNotNull(e.get("archivedAt"));
    e = move("unarchiveEpisode", e);
    org.junit.jupiter.api.Assertions.assertEquals("PUBLISHED", e.get("status"));
    org.junit.jupiter.api.Assertions.assertNull(e.get("archivedAt"));
    org.junit.jupiter.api.Assertions.assertEquals(6, e.get("version"));
  }

  @Test
  void rejectsSchedulingInThePast() {
    Map<String, Object> e = create("Past", "lifecycle");
    asEditor(
            mutation("scheduleEpisode"),
            Map.of("id", e.get("id"), "v", 0, "at", "2001-01-01T00:00:00Z"))
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body("errors[0].extensions.violations[0].field", equalTo("scheduledFor"))
        .body("data", nullValue());
  }

  @Test
  void answersATransitionWithTheNewVersion() {
    Map<String, Object> e = create("Versioned", "lifecycle");
    asEditor(mutation("publishEpisode"), Map.of("id", e.get("id"), "v", 0))
        .body("data.publishEpisode.version", equalTo(1))
        .body("data.publishEpisode.publishedAt", notNullValue());
  }
}
