package dev.podgraph.catalog.api;

import static dev.podgraph.catalog.EpisodeFixtures.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.catalog.CatalogInfra;
import dev.podgraph.devinfra.DevTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The change feed over HTTP: paging by seq, the head, its JSON, bad parameters; no token. */
@QuarkusTest
@WithTestResource(CatalogInfra.class)
class EpisodeChangeHttpApiTest {
  static final String FEED = "/internal/episode-changes";

  /** The feed after {@code after}, at most {@code limit} changes, read anonymously. */
  static JsonPath feed(long after, int limit) {
    return given()
        .queryParam("after", after)
        .queryParam("limit", limit)
        .get(FEED)
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .extract()
        .jsonPath();
  }

  static long head() {
    return feed(0, 1).getLong("head");
  }

  @Test
  void pagesThroughChangesAfterASeqInAscendingOrderUpToTheLimit() {
    long before = head();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add((String) create("Feed Paging", "feed-paging").get("id"));
    }

    JsonPath first = feed(before, 2);
    assertEquals(before + 3, first.getLong("head"));
    assertEquals(List.of(before + 1, before + 2), seqs(first));
    assertEquals(ids.subList(0, 2), first.getList("changes.episodeId"));
    assertEquals(List.of("HIDDEN", "HIDDEN"), first.getList("changes.change"));

    JsonPath second = feed(before + 2, 2);
    assertEquals(List.of(before + 3), seqs(second));
    assertEquals(List.of(ids.get(2)), second.getList("changes.episodeId"));

    JsonPath caughtUp = feed(before + 3, 2);
    assertEquals(List.of(), caughtUp.getList("changes"));
    assertEquals(before + 3, caughtUp.getLong("head"));
  }

  @Test
  void answersDefaultsWithTheDocumentedJsonShape() {
    Map<String, Object> created = create("Feed Shape", "feed-shape");
    JsonPath all =
        given().get(FEED).then().statusCode(200).extract().jsonPath(); // after=0, limit=500
    List<Map<String, Object>> changes = all.getList("changes");
    assertTrue(changes.size() <= 500 && !changes.isEmpty(), "changes: " + changes.size());
    List<Long> seqs = seqs(all);
    for (int i = 1; i < seqs.size(); i++) {
      assertTrue(seqs.get(i - 1) < seqs.get(i), "ascending: " + seqs);
    }
    assertTrue(seqs.get(seqs.size() - 1) <= all.getLong("head"));

    JsonPath mine = feed(head() - 1, 1);
    Map<String, Object> change = mine.getMap("changes[0]");
    assertEquals(Set.of("seq", "episodeId", "change", "occurredAt"), change.keySet());
    assertEquals(created.get("id"), change.get("episodeId"));
    assertEquals("HIDDEN", change.get("change"));
    assertEquals(
        Instant.parse((String) created.get("createdAt")),
        Instant.parse((String) change.get("occurredAt")));
    assertEquals(Set.of("feed", "changes", "head"), mine.getMap("").keySet());
    // The feed's identity: a UUID, the same on every answer of this database.
    assertEquals(UUID.fromString(mine.getString("feed")).toString(), feed(0, 1).getString("feed"));
  }

  @Test
  void answersAnEmptyFeedBeyondTheHead() {
    long head = head();
    JsonPath beyond = feed(head + 1000, 1000);
    assertEquals(List.of(), beyond.getList("changes"));
    assertEquals(head, beyond.getLong("head"));
  }

  @Test
  void refusesBadParametersWithBadUserInput() {
    Map<String, String> bad =
        Map.of(
            "after=-1", "after",
            "after=seven", "after",
            "limit=0", "limit",
            "limit=1001", "limit",
            "limit=99999999999", "limit",
            "limit=ten", "limit");
    for (Map.Entry<String, String> query : bad.entrySet()) {
      given()
          .get(FEED + "?" + query.getKey())
          .then()
          .statusCode(400)
          .contentType(startsWith("application/json"))
          .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
          .body("errors[0].message", containsString(query.getValue()));
    }
  }

  @Test
  void needsNoTokenButVerifiesOneThatIsSent() {
    given().get(FEED + "?limit=1").then().statusCode(200);
    given().auth().oauth2(DevTokens.editor()).get(FEED + "?limit=1").then().statusCode(200);
    given()
        .auth()
        .oauth2("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl")
        .get(FEED)
        .then()
        .statusCode(401)
        .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
  }

  @Test
  void acceptsTheLimitsOfItsRange() {
    assertTrue(feed(0, 1).getList("changes").size() <= 1);
    assertTrue(feed(0, 1000).getList("changes").size() <= 1000);
  }

  static List<Long> seqs(JsonPath page) {
    return page.getList("changes.seq", Long.class);
  }
}
