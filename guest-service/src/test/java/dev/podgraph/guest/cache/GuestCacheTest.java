package dev.podgraph.guest.cache;

import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static dev.podgraph.devinfra.GraphQLAssured.post;
import static dev.podgraph.guest.GuestFixtures.appear;
import static dev.podgraph.guest.GuestFixtures.guest;
import static dev.podgraph.guest.GuestFixtures.guestId;
import static dev.podgraph.guest.GuestFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.guest.GuestInfra;
import dev.podgraph.guest.SqlStatements;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Every kind of write, between two reads of something it changes: the first read is served from
 * Redis (no SQL), the one after the write sees the change.
 */
@QuarkusTest
@WithTestResource(GuestInfra.class)
class GuestCacheTest {
  private static final String BY_ID = "query($id: ID) { guest(id: $id) { id name bio } }";
  private static final String BY_SLUG = "query($slug: String) { guest(slug: $slug) { id bio } }";
  private static final String PAGE =
      "query($name: String) { guests(filter: {name: $name}) { totalCount edges { node { id name } } } }";
  private static final String LINEUP =
      "query($r: [_Any!]!) { _entities(representations: $r) {"
          + " ... on Episode { guests { id name } } } }";
  private static final String EPISODES = "query($id: ID) { guest(id: $id) { episodes { id } } }";

  @Inject SessionFactory sessionFactory;

  /** Reads twice and checks the second read was a cache hit: it ran no SQL at all. */
  private void warm(String query, Map<String, Object> variables) {
    post(query, variables).statusCode(200).body("errors", nullValue());
    long statements =
        SqlStatements.during(sessionFactory, () -> post(query, variables).statusCode(200));
    assertEquals(0, statements, "a warm read is served by Redis");
  }

  private static Map<String, Object> lineupOf(String episode) {
    return Map.of("r", List.of(Map.of("__typename", "Episode", "id", episode)));
  }

  @Test
  void aCreatedGuestShowsUpInACachedPage() {
    String tag = unique();
    guest("Cached Page " + tag);
    Map<String, Object> search = Map.of("name", "cached page " + tag);
    warm(PAGE, search);

    guest("Cached Page " + tag + " Second");
    post(PAGE, search).body("data.guests.totalCount", equalTo(2));
  }

  @Test
  void anUpdateReplacesTheCachedGuestEverywhere() {
    Map<String, Object> created = guest("Cached Update");
    String id = (String) created.get("id");
    String episode = "ep-" + unique();
    appear(id, episode, "GUEST", 0);
    warm(BY_ID, Map.of("id", id));
    warm(BY_SLUG, Map.of("slug", created.get("slug")));
    warm(LINEUP, lineupOf(episode));

    asEditor(
            "mutation($id: ID!) { updateGuest(id: $id, expectedVersion: 0, input: {name: \"Renamed Guest\", bio: \"new\"}) { id } }",
            Map.of("id", id))
        .body("errors", nullValue());
    post(BY_ID, Map.of("id", id)).body("data.guest.bio", equalTo("new"));
    post(BY_SLUG, Map.of("slug", created.get("slug"))).body("data.guest.bio", equalTo("new"));
    post(LINEUP, lineupOf(episode))
        .body("data._entities[0].guests.name", contains("Renamed Guest"));
  }

  @Test
  void aDeletedGuestLeavesTheCache() {
    String id = guestId("Cached Delete");
    String episode = "ep-" + unique();
    appear(id, episode, "GUEST", 0);
    warm(BY_ID, Map.of("id", id));
    warm(LINEUP, lineupOf(episode));

    asEditor("mutation($id: ID!) { deleteGuest(id: $id, expectedVersion: 0) }", Map.of("id", id))
        .body("errors", nullValue());
    post(BY_ID, Map.of("id", id)).body("data.guest", nullValue());
    post(LINEUP, lineupOf(episode)).body("data._entities[0].guests", empty());
  }

  @Test
  void aMergeMovesCachedLineupsToTheSurvivor() {
    String survivor = guestId("Cached Survivor");
    String merged = guestId("Cached Merged");
    String episode = "ep-" + unique();
    appear(merged, episode, "GUEST", 0);
    warm(LINEUP, lineupOf(episode));
    warm(EPISODES, Map.of("id", survivor));

    asEditor(
            "mutation($s: ID!, $m: ID!) { mergeGuests(survivorId: $s, mergedId: $m) { id } }",
            Map.of("s", survivor, "m", merged))
        .body("errors", nullValue());
    post(LINEUP, lineupOf(episode)).body("data._entities[0].guests.id", contains(survivor));
    post(EPISODES, Map.of("id", survivor)).body("data.guest.episodes.id", contains(episode));
  }

  @Test
  void anAddedAppearanceShowsUpInACachedLineup() {
    String first = guestId("Cached Lineup First");
    String second = guestId("Cached Lineup Second");
    String episode = "ep-" + unique();
    appear(first, episode, "GUEST", 0);
    warm(LINEUP, lineupOf(episode));

    appear(second, episode, "GUEST", 1);
    post(LINEUP, lineupOf(episode)).body("data._entities[0].guests.id", contains(first, second));
  }

  @Test
  void aRemovedAppearanceLeavesTheCachedEpisodeList() {
    String id = guestId("Cached Removal");
    String episode = "ep-" + unique();
    appear(id, episode, "GUEST", 0);
    warm(EPISODES, Map.of("id", id));

    asEditor(
            "mutation($g: ID!, $e: ID!) { removeAppearance(guestId: $g, episodeId: $e) { order } }",
            Map.of("g", id, "e", episode))
        .body("errors", nullValue());
    post(EPISODES, Map.of("id", id)).body("data.guest.episodes", empty());
  }

  @Test
  void overlappingEntityBatchesShareOneEntryPerId() {
    String a = guestId("Batch Shared A");
    String b = guestId("Batch Shared B");
    String first = "ep-" + unique();
    String second = "ep-" + unique();
    appear(a, first, "GUEST", 0);
    appear(b, second, "GUEST", 0);
    String guests =
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Guest { id name } } }";
    post(guests, refs("Guest", a, b)).body("data._entities.id", contains(a, b));
    post(LINEUP, refs("Episode", first, second))
        .body("data._entities.guests.id", contains(List.of(a), List.of(b)));

    long statements =
        SqlStatements.during(
            sessionFactory,
            () -> {
              post(guests, refs("Guest", b)).body("data._entities.id", contains(b));
              post(BY_ID, Map.of("id", a)).body("data.guest.id", equalTo(a));
              post(LINEUP, refs("Episode", second, first))
                  .body("data._entities.guests.id", contains(List.of(b), List.of(a)));
            });
    assertEquals(0, statements, "smaller and reordered batches read the per-id entries");

    String third = "ep-" + unique();
    appear(a, third, "GUEST", 0);
    post(LINEUP, refs("Episode", first, third));
    long partial =
        SqlStatements.during(
            sessionFactory,
            () ->
                post(LINEUP, refs("Episode", first, third, second))
                    .body(
                        "data._entities.guests.id", contains(List.of(a), List.of(a), List.of(b))));
    assertEquals(1, partial, "only the episode Redis lacks is loaded, in one statement");
  }

  private static Map<String, Object> refs(String type, String... ids) {
    return Map.of(
        "r", List.of(ids).stream().map(id -> Map.of("__typename", type, "id", id)).toList());
  }

  @Test
  void countsHitsAndMissesInMetrics() {
    String id = guestId("Metered Guest");
    warm(BY_ID, Map.of("id", id));
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                l -> l.startsWith("podgraph_cache_hits_total") && l.contains("region=\"guests\"")),
        "hits counted per region");
    assertTrue(metrics.contains("podgraph_cache_misses_total"), "misses counted");
  }

  @Test
  void reportsReadinessWithPostgresAndRedis() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(containsString("redis-cache"))
        .body("checks.find { it.name == 'redis-cache' }.data.redis", equalTo("up"))
        .body(
            "checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
  }
}
