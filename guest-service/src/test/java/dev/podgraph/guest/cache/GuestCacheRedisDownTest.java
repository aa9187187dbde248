package dev.podgraph.guest.cache;

import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static dev.podgraph.devinfra.GraphQLAssured.post;
import static dev.podgraph.guest.GuestFixtures.appear;
import static dev.podgraph.guest.GuestFixtures.guestId;
import static dev.podgraph.guest.GuestFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RedisDownProfile.class)
class GuestCacheRedisDownTest {
  private static final String BY_ID = "query($id: ID) { guest(id: $id) { id bio } }";
  private static final String LINEUP =
      "query($r: [_Any!]!) { _entities(representations: $r) {"
          + " ... on Episode { guests { id bio } } } }";

  private static Map<String, Object> lineupOf(String episode) {
    return Map.of("r", List.of(Map.of("__typename", "Episode", "id", episode)));
  }

  @AfterEach
  void restartRedis() {
    RedisDownProfile.ThrowawayRedisResource.redis.restart();
  }

  @Test
  void servesReadsAndWritesFromPostgresWhileRedisIsDown() {
    String id = guestId("Redis Down");
    String episode = "ep-" + unique();
    appear(id, episode, "GUEST", 0);
    post(BY_ID, Map.of("id", id)).body("errors", nullValue());

    RedisDownProfile.ThrowawayRedisResource.redis.stop();

    post(BY_ID, Map.of("id", id))
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.guest.id", equalTo(id));
    asEditor(
            "mutation($id: ID!) { updateGuest(id: $id, expectedVersion: 0, input: {bio: \"written while Redis was down\"}) { bio } }",
            Map.of("id", id))
        .body("errors", nullValue())
        .body("data.updateGuest.bio", equalTo("written while Redis was down"));
    post(BY_ID, Map.of("id", id))
        .body("errors", nullValue())
        .body("data.guest.bio", equalTo("written while Redis was down"));
    post(LINEUP, lineupOf(episode))
        .body("errors", nullValue())
        .body("data._entities[0].guests.id", contains(id));

    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'redis-cache' }.data.redis", equalTo("down"));
    String metrics = given().when().get("/q/metrics").then().extract().asString();
    assertTrue(
        metrics.lines().anyMatch(l -> l.startsWith("podgraph_cache_errors_total")),
        "Redis errors counted");
  }

  @Test
  void aWriteMadeWhileRedisWasDownIsNotHiddenByAnOldEntryOnceItIsBack() {
    String id = guestId("Redis Returns");
    post(BY_ID, Map.of("id", id)).body("data.guest.bio", nullValue());
    post(BY_ID, Map.of("id", id)).body("data.guest.bio", nullValue());

    RedisDownProfile.ThrowawayRedisResource.redis.stop();
    asEditor(
            "mutation($id: ID!) { updateGuest(id: $id, expectedVersion: 0, input: {bio: \"fresh\"}) { bio } }",
            Map.of("id", id))
        .body("errors", nullValue());
    RedisDownProfile.ThrowawayRedisResource.redis.restart();

    post(BY_ID, Map.of("id", id))
        .body("errors", nullValue())
        .body("data.guest.bio", equalTo("fresh"));
    post(BY_ID, Map.of("id", id)).body("data.guest.bio", equalTo("fresh"));
  }
}
