package dev.podgraph.guest;

import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static dev.podgraph.devinfra.GraphQLAssured.post;
import static dev.podgraph.guest.GuestFixtures.CREATE;
import static dev.podgraph.guest.GuestFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.devinfra.ConnectionCutLoad;
import dev.podgraph.devinfra.PostgresFaults;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL faults under the running service: connections cut under concurrent reads cost no
 * request (validated connections, one retry of a read), and a database that refuses connections is
 * UNAVAILABLE (never INTERNAL) with readiness DOWN until it is back.
 */
@QuarkusTest
@WithTestResource(GuestInfra.class)
class DatabaseFaultTest {
  private static final String DATABASE = "guest_test";
  private static final String ENTITIES =
      "query($r: [_Any!]!) { _entities(representations: $r) {"
          + " ... on Episode { guests { id } } ... on Guest { id name } } }";
  private static final String BY_SLUG = "query($s: String!) { guest(slug: $s) { id } }";
  private static final int CALLERS = 8;
  private static final int REQUESTS_PER_CALLER = 60;
  private static final int CUT_EVERY = 20;

  @Test
  void cuttingConnectionsUnderConcurrentReadsCostsNoRequest() throws Exception {
    String guest = GuestFixtures.guestId("Cut Connections");
    ConnectionCutLoad.Result load =
        ConnectionCutLoad.run(
            DATABASE,
            CALLERS,
            REQUESTS_PER_CALLER,
            CUT_EVERY,
            (caller, i) ->
                // An episode and a slug never asked for before miss the cache: every request
                // reaches
                // PostgreSQL.
                i % 2 == 0
                    ? post(ENTITIES, Map.of("r", List.of(episode("ep-" + caller + "-" + i))))
                        .extract()
                        .jsonPath()
                    : post(BY_SLUG, Map.of("s", "fault-" + caller + "-" + i + "-" + guest))
                        .extract()
                        .jsonPath());
    System.out.println(
        load.describe(
            "guest-service", ConnectionCutLoad.retriesIn(given().get("/q/metrics").asString())));
    assertTrue(
        load.cut() >= load.requests() / CUT_EVERY, "the cuts met connections: " + load.cut());
    assertEquals(Map.of(), load.errors(), "no request failed, INTERNAL least of all");
  }

  private static Map<String, Object> episode(String id) {
    return Map.of("__typename", "Episode", "id", id);
  }

  @Test
  void aDatabaseThatRefusesConnectionsIsUnavailableAndNotReadyUntilItIsBack() {
    String id = GuestFixtures.guestId("Outage");
    List<Map<String, Object>> representation = List.of(Map.of("__typename", "Guest", "id", id));
    String slug = "outage-" + unique();
    PostgresFaults.refuseConnections(DATABASE);
    try {
      asEditor(ENTITIES, Map.of("r", representation))
          .statusCode(200)
          .body("errors[0].extensions.code", equalTo("UNAVAILABLE"))
          .body("errors[0].message", equalTo("The database is unavailable: try again shortly"));
      asEditor(CREATE, Map.of("input", Map.of("name", "Written During An Outage", "slug", slug)))
          .statusCode(200)
          .body("data", nullValue())
          .body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
      given()
          .get("/q/health/ready")
          .then()
          .statusCode(503)
          .body("status", equalTo("DOWN"))
          .body(
              "checks.find { it.name == 'Database connections health check' }.status",
              equalTo("DOWN"));
    } finally {
      PostgresFaults.admitConnections(DATABASE);
    }
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    asEditor(ENTITIES, Map.of("r", representation))
        .statusCode(200)
        .body("errors", nullValue())
        .body("data._entities.id", hasItem(id));
    asEditor(BY_SLUG, Map.of("s", slug)).body("data.guest", nullValue());
  }
}
