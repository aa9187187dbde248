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

import dev.podgraph.devinfra.PostgresFaults;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
    AtomicInteger done = new AtomicInteger();
    AtomicInteger cut = new AtomicInteger();
    Map<String, Integer> errors = new ConcurrentHashMap<>();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService callers = Executors.newFixedThreadPool(CALLERS)) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CALLERS; c++) {
        int caller = c;
        running.add(
            callers.submit(
                () -> {
                  for (int i = 0; i < REQUESTS_PER_CALLER; i++) {
                    long t0 = System.nanoTime();
                    // _entities is never cached and a new search text misses the cache: every
                    // request reaches PostgreSQL.
                    JsonPath answer =
                        i % 2 == 0
                            ? asEditor(ENTITIES, Map.of("r", representations)).extract().jsonPath()
                            : post(SEARCH, Map.of("t", "fault" + caller + "x" + i))
                                .extract()
                                .jsonPath();
                    latencies.add(System.nanoTime() - t0);
                    List<String> codes = answer.getList("errors.extensions.code");
                    if (codes != null) {
                      codes.forEach(code -> errors.merge(String.valueOf(code), 1, Integer::sum));
                    }
                    // Every CUT_EVERY-th answer anywhere cuts every connection of the service,
                    // while the other callers' requests are in flight.
                    if (done.incrementAndGet() % CUT_EVERY == 0) {
                      cut.addAndGet(PostgresFaults.terminateConnections(DATABASE));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "catalog-service, connections cut under load: %d requests by %d callers, %d connections"
            + " terminated in %d cuts, reads retried %d, errors %s, p50 %.1f ms, p99 %.1f ms,"
            + " max %.1f ms%n",
        done.get(),
        CALLERS,
        cut.get(),
        done.get() / CUT_EVERY,
        retries(),
        new TreeMap<>(errors),
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
    assertTrue(cut.get() >= done.get() / CUT_EVERY, "the cuts met connections: " + cut.get());
    assertEquals(Map.of(), errors, "no request failed, INTERNAL least of all");
  }

  /** Reads SmallRye Fault Tolerance ran again, from its counter on /q/metrics. */
  private static long retries() {
    return given()
        .get("/q/metrics")
        .asString()
        .lines()
        .filter(l -> l.startsWith("ft_retry_retries_total"))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
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
