package dev.podgraph.gateway.persisted;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.ShopResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Apollo's persisted-query link against the booted gateway over HTTP, and what lands in the
 * gateway's Redis (logical database 3 of the machine's server, or of an embedded one).
 */
@QuarkusTest
@QuarkusTestResource(value = ShopResource.class, restrictToAnnotatedClass = true)
class AutomaticPersistedQueriesTest {

  private static ValidatableResponse post(String body) {
    return given().contentType(ContentType.JSON).body(body).post("/graphql").then();
  }

  private static String hashOnly(String hash) {
    return "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}}";
  }

  private static String withText(String query, String hash) {
    return "{\"query\":\""
        + query
        + "\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
        + hash
        + "\"}}}";
  }

  @Test
  void asksForTheTextOnceThenAnswersFromTheHashAloneOverPostAndGet() throws Exception {
    String query = "{ topProducts(first: 2) { name } }";
    String hash = Sha256.hex(query);

    post(hashOnly(hash))
        .statusCode(200)
        .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"))
        .body("errors[0].message", equalTo("PersistedQueryNotFound"));
    post(withText(query, hash)).statusCode(200).body("data.topProducts[1].name", equalTo("Couch"));
    post(hashOnly(hash)).statusCode(200).body("data.topProducts[0].name", equalTo("Table"));
    given()
        .queryParam(
            "extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}")
        .get("/graphql")
        .then()
        .statusCode(200)
        .body("data.topProducts[1].name", equalTo("Couch"));

    assertEquals(query, redisValue(RedisQueryStore.PREFIX + hash), "kept in the gateway's Redis");
    String metrics = given().get("/q/metrics").then().extract().asString();
    assertTrue(
        metrics.contains(
            "gateway_persisted_queries_total{request=\"hash\",result=\"PERSISTED_QUERY_NOT_FOUND\"}"),
        metrics);
    assertTrue(
        metrics.contains("gateway_persisted_queries_total{request=\"hash\",result=\"run\"}"));
    assertTrue(
        metrics.contains(
            "gateway_persisted_queries_total{request=\"hash_and_text\",result=\"run\"}"));
  }

  @Test
  void registersWithGetToo() {
    String query = "{ topProducts(first: 1) { upc } }";
    String extensions =
        "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + Sha256.hex(query) + "\"}}";
    given()
        .queryParam("query", query)
        .queryParam("extensions", extensions)
        .get("/graphql")
        .then()
        .body("data.topProducts[0].upc", equalTo("1"));
    given()
        .queryParam("extensions", extensions)
        .get("/graphql")
        .then()
        .body("data.topProducts[0].upc", equalTo("1"));
  }

  @Test
  void refusesATextThatDoesNotMatchItsHash() {
    post(withText("{ __typename }", Sha256.hex("{ me { name } }")))
        .statusCode(200)
        .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_HASH_MISMATCH"));
    post(hashOnly(Sha256.hex("{ me { name } }")))
        .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
  }

  @Test
  void refusesAnUnknownProtocolVersion() {
    post("{\"extensions\":{\"persistedQuery\":{\"version\":2,\"sha256Hash\":\"ab\"}}}")
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
  }

  /** Reads a key of the gateway's Redis database directly, as another gateway instance would. */
  private static String redisValue(String key) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Redis redis = Redis.createClient(vertx, ShopResource.redisUri);
      Response value =
          redis
              .send(Request.cmd(Command.GET).arg(key))
              .toCompletionStage()
              .toCompletableFuture()
              .get(5, TimeUnit.SECONDS);
      redis.close();
      return value == null ? null : value.toString();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }
}
