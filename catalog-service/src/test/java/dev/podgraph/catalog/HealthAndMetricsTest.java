package dev.podgraph.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CatalogInfra.class)
class HealthAndMetricsTest {

  @Test
  void readinessChecksPostgresqlAndReportsRedis() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("Database connections health check", "redis-cache"))
        .body("checks.find { it.name == 'redis-cache' }.data.redis", equalTo("up"));
  }

  @Test
  void livenessIsUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void exposesCacheCountersToPrometheus() {
    EpisodeFixtures.create("Metered", "metrics");
    dev.podgraph.devinfra.GraphQLAssured.post(
        "{ episodes(filter: {category: \"metrics\"}) { totalCount } }");
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("podgraph_cache_misses_total{cache=\"catalog\",region=\"episodes\""));
  }
}
