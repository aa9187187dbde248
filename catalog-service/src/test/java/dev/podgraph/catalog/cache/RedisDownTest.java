package dev.podgraph.catalog.cache;

import static dev.podgraph.catalog.EpisodeFixtures.UPDATE;
import static dev.podgraph.catalog.EpisodeFixtures.create;
import static dev.podgraph.catalog.EpisodeFixtures.input;
import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.podgraph.devinfra.ThrowawayRedis;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Its own boot: Redis is a throwaway server this test stops and restarts. The breaker never opens
 * here (its own behaviour is unit-tested in common), so every read tries Redis again at once.
 */
@QuarkusTest
@TestProfile(RedisDownTest.Profile.class)
@WithTestResource(RedisDownInfra.class)
class RedisDownTest {
  private static final String BY_ID = "query($id: ID) { episode(id: $id) { title } }";
  private static final String ENTITIES =
      "query($r: [_Any!]!) { _entities(representations: $r) { ... on Episode { title } } }";
  private static final String GENERATION = "catalog:gen:episodes";

  public static class Profile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("podgraph.cache.breaker.failures", "1000000");
    }
  }

  ThrowawayRedis redis;

  @Inject RedisDataSource redisData;

  @Test
  void servesReadsWithRedisStoppedAndNeverAnEntryAWriteMissedOnceRedisIsBack() throws Exception {
    Map<String, Object> e = create("Dugong Original", "redis-down");
    asEditor(BY_ID, Map.of("id", e.get("id"))).body("data.episode.title", equalTo(e.get("title")));
    asEditor(BY_ID, Map.of("id", e.get("id"))).body("data.episode.title", equalTo(e.get("title")));
    Map<String, String> snapshot = new LinkedHashMap<>();
    for (String key : redisData.key().keys("catalog:*")) {
      snapshot.put(key, redisData.value(String.class).get(key));
    }
    String generationBefore = snapshot.get(GENERATION);
    assertNotNull(generationBefore, "the read filled the cache: " + snapshot.keySet());

    redis.stop();

    asEditor(BY_ID, Map.of("id", e.get("id")))
        .body("errors", nullValue())
        .body("data.episode.title", equalTo(e.get("title")));
    asEditor(ENTITIES, Map.of("r", List.of(Map.of("__typename", "Episode", "id", e.get("id")))))
        .body("errors", nullValue())
        .body("data._entities[0].title", equalTo(e.get("title")));
    asEditor("{ episodes(filter: {category: \"redis-down\"}) { totalCount } }")
        .body("errors", nullValue())
        .body("data.episodes.totalCount", equalTo(1));
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'redis-cache' }.data.redis", equalTo("down"));

    Map<String, Object> changed = input((Integer) e.get("number"), "Dugong Updated", "redis-down");
    asEditor(UPDATE, Map.of("id", e.get("id"), "v", 0, "input", changed))
        .body("errors", nullValue())
        .body("data.updateEpisode.title", equalTo("Dugong Updated"));
    asEditor(BY_ID, Map.of("id", e.get("id")))
        .body("data.episode.title", equalTo("Dugong Updated"));

    // Redis comes back with the entry the write could not invalidate (as a persistent Redis would).
    redis.restart();
    try (Resp resp = new Resp(redis.port(), 1)) {
      for (Map.Entry<String, String> entry : snapshot.entrySet()) {
        assertEquals("OK", resp.command("SET", entry.getKey(), entry.getValue()));
      }
    }

    for (int i = 0; i < 5; i++) {
      asEditor(BY_ID, Map.of("id", e.get("id")))
          .body("errors", nullValue())
          .body("data.episode.title", equalTo("Dugong Updated"));
      asEditor(ENTITIES, Map.of("r", List.of(Map.of("__typename", "Episode", "id", e.get("id")))))
          .body("errors", nullValue())
          .body("data._entities[0].title", equalTo("Dugong Updated"));
    }
    try (Resp resp = new Resp(redis.port(), 1)) {
      assertNotEquals(
          generationBefore,
          resp.command("GET", GENERATION),
          "the pending invalidation reached Redis once it was back");
    }
  }
}
