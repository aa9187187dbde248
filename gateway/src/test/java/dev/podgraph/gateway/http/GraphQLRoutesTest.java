package dev.podgraph.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The booted gateway over HTTP: the one Quarkus boot of this module's tests. */
@QuarkusTest
@QuarkusTestResource(value = ShopResource.class, restrictToAnnotatedClass = true)
class GraphQLRoutesTest {

  @Inject GatewayRuntime runtime;

  @TestHTTPResource("/graphql")
  URL graphql;

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

  /** Over Quarkus's own limit (10M): it used to answer first, with an empty 413. */
  @Test
  void refusesADeclaredLengthOverTheServerLimitWithAGraphQLErrorBeforeReadingTheBody()
      throws Exception {
    RawHttp.Answer answer =
        RawHttp.exchange(
            graphql,
            postHead("application/graphql-response+json", "Content-Length: 20000000"),
            "{\"query\": \"{ __typename }\", \"pad\": \"".getBytes(StandardCharsets.UTF_8));
    assertEquals(413, answer.status());
    assertTrue(
        answer.headers().get("content-type").startsWith("application/graphql-response+json"),
        answer.headers().toString());
    assertEquals("BAD_USER_INPUT", answer.firstErrorCode());
    assertEquals("close", answer.headers().get("connection"));
    assertTrue(answer.closed(), "the connection is not kept open for a body nobody reads");
  }

  /** Only the headers are sent: waiting for the body would time the exchange out. */
  @Test
  void refusesADeclaredLengthJustOverTheGatewayLimitFromTheHeadersAlone() throws Exception {
    RawHttp.Answer answer =
        RawHttp.exchange(
            graphql, postHead("application/json", "Content-Length: 4097"), new byte[0]);
    assertEquals(413, answer.status());
    assertTrue(answer.headers().get("content-type").startsWith("application/json"));
    assertEquals("BAD_USER_INPUT", answer.firstErrorCode());
    assertTrue(answer.closed());
  }

  @Test
  void refusesAChunkedBodyOnceItPassesTheLimit() throws Exception {
    StringBuilder chunks = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      chunks.append("3e8\r\n").append("x".repeat(1000)).append("\r\n");
    }
    // never finished: the answer must come from the bytes counted, not from the end of the body
    RawHttp.Answer answer =
        RawHttp.exchange(
            graphql,
            postHead("application/graphql-response+json", "Transfer-Encoding: chunked"),
            chunks.toString().getBytes(StandardCharsets.US_ASCII));
    assertEquals(413, answer.status());
    assertTrue(
        answer.headers().get("content-type").startsWith("application/graphql-response+json"));
    assertEquals("BAD_USER_INPUT", answer.firstErrorCode());
  }

  @Test
  void answersAWholeElevenMegabyteBodyWithAGraphQLError() {
    byte[] body = new byte[11 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) ' ');
    body[0] = '{';
    body[body.length - 1] = '}';
    for (int i = 0; i < 3; i++) { // the answer must not race the client still writing
      given()
          .contentType(ContentType.JSON)
          .accept("application/graphql-response+json")
          .body(body)
          .post("/graphql")
          .then()
          .statusCode(413)
          .contentType(containsString("application/graphql-response+json"))
          .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }
  }

  @Test
  void acceptsABodyOfExactlyTheLimit() {
    String start = "{\"query\": \"{ __typename }\"}";
    post(start + " ".repeat(4096 - start.length())).statusCode(200);
  }

  @Test
  void refusesTrailingGarbageAfterTheJsonBody() {
    post("{\"query\": \"{ __typename }\"} xyz")
        .statusCode(400)
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body("data", nullValue());
  }

  @Test
  void refusesTwoConcatenatedJsonDocuments() {
    post("{\"query\": \"{ __typename }\"}{\"query\": \"{ __typename }\"}")
        .statusCode(400)
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body("data", nullValue());
    post("{\"query\": \"{ __typename }\"} []")
        .statusCode(400)
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
  }

  @Test
  void acceptsTrailingWhitespaceAfterTheJsonBody() {
    post("{\"query\": \"{ __typename }\"}\r\n \t\n")
        .statusCode(200)
        .body("data.__typename", equalTo("Query"));
  }

  @Test
  void refusesTrailingGarbageInGetParameters() {
    given()
        .queryParam("query", "query($n: Int) { topProducts(first: $n) { name } }")
        .queryParam("variables", "{\"n\": 1} {\"n\": 2}")
        .get("/graphql")
        .then()
        .statusCode(400)
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    given()
        .queryParam("query", "{ __typename }")
        .queryParam("extensions", "{} xyz")
        .get("/graphql")
        .then()
        .statusCode(400)
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
  }

  private String postHead(String accept, String lengthHeader) {
    return "POST /graphql HTTP/1.1\r\n"
        + "Host: "
        + graphql.getHost()
        + ":"
        + graphql.getPort()
        + "\r\nContent-Type: application/json\r\nAccept: "
        + accept
        + "\r\n"
        + lengthHeader;
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
  void refusesASupergraphItsSubgraphsDoNotServeYetAndAppliesItOnceTheyDo() throws Exception {
    FileSupergraphSource source = new FileSupergraphSource(ShopResource.supergraphFile);
    String good = Files.readString(ShopResource.supergraphFile);
    String productsSdl = ShopResource.shop.products.servedSdl();
    String internal = "  internalCode: String @join__field(graph: PRODUCTS) @inaccessible\n";
    assertTrue(good.contains(internal));
    String introspectColor =
        "{\"query\": \"{ __type(name: \\\"Product\\\") { fields { name } } }\"}";
    try {
      // A supergraph composed from a products release that has not rolled out yet.
      Files.writeString(
          ShopResource.supergraphFile,
          good.replace(internal, internal + "  color: String @join__field(graph: PRODUCTS)\n"));
      assertFalse(runtime.reload(source));
      assertFalse(runtime.reload(source), "checked again, still refused");
      post(introspectColor).body("data.__type.fields.name", not(hasItem("color")));
      post("{\"query\": \"{ me { name } }\"}").body("data.me.name", equalTo("Alice"));
      assertTrue(
          given()
              .get("/q/metrics")
              .then()
              .extract()
              .asString()
              .contains("gateway_supergraph_reloads_total{outcome=\"rejected\"}"));

      // The products release rolls out: the next check passes and the new supergraph is served.
      ShopResource.shop.products.serveSdl(
          productsSdl.replace("price: Int", "price: Int color: String"));
      assertTrue(runtime.reload(source));
      post(introspectColor).body("data.__type.fields.name", hasItem("color"));
    } finally {
      ShopResource.shop.products.serveSdl(productsSdl);
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
