package dev.podgraph.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.config.GatewayRuntime;
import dev.podgraph.gateway.execute.CircuitBreakerSettings;
import dev.podgraph.gateway.fixture.ShopResource;
import dev.podgraph.gateway.fixture.Supergraphs;
import dev.podgraph.gateway.supergraph.FileSupergraphSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The booted gateway over HTTP: the one Quarkus boot of this module's tests. */
@QuarkusTest
@QuarkusTestResource(value = ShopResource.class, restrictToAnnotatedClass = true)
class GraphQLRoutesTest {

  @Inject GatewayRuntime runtime;

  private static io.restassured.response.ValidatableResponse post(String body) {
    return given().contentType(ContentType.JSON).body(body).post("/graphql").then();
  }

  @Test
  void answersTypenameOfTheQueryRoot() {
    post("{\"query\": \"{ __typename }\"}")
        .statusCode(200)
        .contentType(containsString("application/json"))
        .body("data.__typename", equalTo("Query"));
  }

  @Test
  void answersQueriesSentWithGet() {
    given()
        .queryParam("query", "query($n: Int) { topProducts(first: $n) { name } }")
        .queryParam("variables", "{\"n\": 1}")
        .get("/graphql")
        .then()
        .statusCode(200)
        .body("data.topProducts[0].name", equalTo("Table"));
  }

  @Test
  void refusesMutationsSentWithGet() {
    given()
        .queryParam("query", "mutation { rename(name: \"x\") { name } }")
        .get("/graphql")
        .then()
        .statusCode(405)
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
  }

  @Test
  void refusesMalformedJsonWithAGraphQLError() {
    post("{\"query\": ")
        .statusCode(400)
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
  }

  @Test
  void reportsParseFailuresWithTheirCode() {
    post("{\"query\": \"{ topProducts { \"}")
        .statusCode(200)
        .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
        .body("data", nullValue());
  }

  @Test
  void usesStatus400ForGraphQLResponseJsonClients() {
    given()
        .contentType(ContentType.JSON)
        .accept("application/graphql-response+json")
        .body("{\"query\": \"{ nope }\"}")
        .post("/graphql")
        .then()
        .statusCode(400)
        .contentType(containsString("application/graphql-response+json"))
        .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
  }

  @Test
  void asksForTheTextOfAnUnknownPersistedQuery() {
    post("{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"abc\"}}}")
        .statusCode(200)
        .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
  }

  @Test
  void reportsUnknownOperationNames() {
    post("{\"query\": \"query A { __typename }\", \"operationName\": \"B\"}")
        .body("errors[0].extensions.code", equalTo("OPERATION_RESOLUTION_FAILURE"));
  }

  @Test
  void refusesFragmentCyclesAsInvalid() {
    post("{\"query\": \"{ me { ...A } } fragment A on User { reviews { author { ...B } } }"
            + " fragment B on User { ...A }\"}")
        .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
  }

  @Test
  void refusesOperationsDeeperThanTheLimit() {
    post("{\"query\": \"{ me { reviews { author { reviews { author { reviews { author { id } } } } } } } }\"}")
        .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
        .body("errors[0].message", containsString("limit is 6"));
  }

  @Test
  void refusesBodiesLargerThanTheLimit() {
    post("{\"query\": \"{ __typename }\", \"pad\": \"" + "x".repeat(5000) + "\"}")
        .statusCode(413)
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
  }

  @Test
  void neverShowsAStackTrace() {
    post("{\"query\": 42}")
        .statusCode(400)
        .body(containsString("errors"))
        .body(org.hamcrest.Matchers.not(containsString("Exception")));
  }

  @Test
  void isReadyAndExportsMetrics() {
    given().get("/q/health/ready").then().statusCode(200).body(containsString("supergraph"));
    post("{\"query\": \"{ topProducts(first: 1) { inStock } }\"}").statusCode(200);
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertTrue(metrics.contains("gateway_requests_total"), "request counter");
    assertTrue(metrics.contains("gateway_plan_cache_total"), "plan cache counter");
    assertTrue(metrics.contains("gateway_subgraph_requests_seconds"), "per-subgraph latency");
    assertTrue(metrics.contains("subgraph=\"inventory\""));
    assertTrue(
        metrics.contains("gateway_subgraph_circuit_state{subgraph=\"inventory\"} 0.0"),
        "the breaker of a subgraph in use is exported, closed");
  }

  @Test
  void readsTheCircuitBreakerSettingsWithTheirPerSubgraphOverrides() {
    var general = runtime.config().circuitBreaker();
    assertEquals(
        new CircuitBreakerSettings(true, 50, 10, 5, Duration.ofSeconds(1), 1),
        GatewayRuntime.circuitBreaker(general, "inventory"));
    assertEquals(
        new CircuitBreakerSettings(true, 50, 10, 5, Duration.ofSeconds(5), 1),
        GatewayRuntime.circuitBreaker(general, "users"));
    assertEquals(Duration.ofSeconds(2), runtime.config().subgraphTimeout());
  }

  @Test
  void keepsTheLastGoodSupergraphOnABadUpdateAndSwapsToAGoodOne() throws Exception {
    FileSupergraphSource source = new FileSupergraphSource(ShopResource.supergraphFile);
    String good = Files.readString(ShopResource.supergraphFile);
    try {
      Files.writeString(ShopResource.supergraphFile, "type Query { broken");
      assertFalse(runtime.reload(source));
      post("{\"query\": \"{ me { name } }\"}").body("data.me.name", equalTo("Alice"));

      String hidden =
          good.replace(
              "name: String @join__field(graph: PRODUCTS)",
              "name: String @join__field(graph: PRODUCTS) @inaccessible");
      Files.writeString(ShopResource.supergraphFile, hidden);
      assertTrue(runtime.reload(source));
      post("{\"query\": \"{ topProducts { name } }\"}")
          .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
    } finally {
      Files.writeString(ShopResource.supergraphFile, good);
      runtime.reload(source);
    }
  }

  @Test
  void forwardsTheAuthorizationHeader() {
    ShopResource.shop.users.forget();
    given()
        .contentType(ContentType.JSON)
        .header("Authorization", "Bearer abc")
        .header("X-Other", "no")
        .body("{\"query\": \"{ me { id } }\"}")
        .post("/graphql")
        .then()
        .statusCode(200);
    Map<String, String> headers = ShopResource.shop.users.received().getFirst().headers();
    assertEquals("Bearer abc", headers.get("authorization"));
    assertFalse(headers.containsKey("x-other"));
  }

  @Test
  void loadsSupergraphsForTestsWithTheirUrls() {
    assertTrue(Supergraphs.load("shop").contains(".invalid/graphql"));
  }
}
