package dev.podgraph.catalog;

import static dev.podgraph.catalog.EpisodeFixtures.CREATE;
import static dev.podgraph.catalog.EpisodeFixtures.input;
import static dev.podgraph.catalog.EpisodeFixtures.nextNumber;
import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static dev.podgraph.devinfra.GraphQLAssured.post;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL faults under the running service: connections cut under concurrent reads cost no
 * request (validated connections, one retry of a read), and a database that refuses connections is
 * UNAVAILABLE (never INTERNAL) with readiness DOWN until it is back.
 */
@QuarkusTest
@WithTestResource(CatalogInfra.class)
class DatabaseFaultTest {
  private static final String DATABASE = "catalog_test";
  private static final String ENTITIES =
      "query($r: [_Any!]!) { _entities(representations: $r) { ... on Episode { id title } } }";
  private static final String SEARCH =
      "query($t: String!) { searchEpisodes(text: $t) { totalCount } }";
  private static final int CALLERS = 8;
  private static final int REQUESTS_PER_CALLER = 60;
  private static final int CUT_EVERY = 20;

  @Test
  void cuttingConnectionsUnderConcurrentReadsCostsNoRequest() throws Exception {
    List<Map<String, Object>> representations = new ArrayList<>();
    for (String id : EpisodeFixtures.createMany(5, "faults")) {
      representations.add(Map.of("__typename", "Episode", "id", id));
    }
    ConnectionCutLoad.Result load =
        ConnectionCutLoad.run(
            DATABASE,
            CALLERS,
            REQUESTS_PER_CALLER,
            CUT_EVERY,
            (caller, i) ->
                // _entities is never cached and a new search text misses the cache: every request
                // reaches PostgreSQL.
                i % 2 == 0
                    ? asEditor(ENTITIES, Map.of("r", representations)).extract().jsonPath()
                    : post(SEARCH, Map.of("t", "fault" + caller + "x" + i)).extract().jsonPath());
    System.out.println(
        load.describe(
            "catalog-service", ConnectionCutLoad.retriesIn(given().get("/q/metrics").asString())));
    assertTrue(
        load.cut() >= load.requests() / CUT_EVERY, "the cuts met connections: " + load.cut());
    assertEquals(Map.of(), load.errors(), "no request failed, INTERNAL least of all");
  }

  @Test
  void aDatabaseThatRefusesConnectionsIsUnavailableAndNotReadyUntilItIsBack() {
    String id = EpisodeFixtures.create("Outage", "faults").get("id").toString();
    List<Map<String, Object>> representation = List.of(Map.of("__typename", "Episode", "id", id));
    int number = nextNumber();
    PostgresFaults.refuseConnections(DATABASE);
    try {
      asEditor(ENTITIES, Map.of("r", representation))
          .statusCode(200)
          .body("errors[0].extensions.code", equalTo("UNAVAILABLE"))
          .body("errors[0].message", equalTo("The database is unavailable: try again shortly"));
      asEditor(CREATE, Map.of("input", input(number, "Written during an outage", "faults")))
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
    asEditor("query($n: Int) { episode(number: $n) { id } }", Map.of("n", number))
        .body("data.episode", nullValue());
  }
}
