package dev.podgraph.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.podgraph.gateway.fixture.ShopResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Browser apps on other origins, over HTTP as a browser sends it: the preflight and the request
 * itself, from an allowed origin (development's localhost, any port) and from a refused one.
 */
@QuarkusTest
@QuarkusTestResource(value = ShopResource.class, restrictToAnnotatedClass = true)
class CorsTest {

  private static final String APOLLO_HEADERS =
      "content-type,authorization,apollographql-client-name,apollographql-client-version,"
          + "apollo-require-preflight,x-apollo-operation-name";

  @Test
  void answersThePreflightOfALocalhostFrontEndWithTheHeadersItAsksFor() {
    given()
        .header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", APOLLO_HEADERS)
        .options("/graphql")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "http://localhost:5173")
        .header("Access-Control-Allow-Methods", containsString("POST"))
        .header("Access-Control-Allow-Headers", containsString("apollographql-client-name"))
        .header("Access-Control-Allow-Headers", containsString("apollo-require-preflight"))
        .header("Access-Control-Allow-Headers", containsString("authorization"))
        .header("Access-Control-Allow-Headers", containsString("x-apollo-operation-name"))
        .header("Access-Control-Max-Age", "86400");
  }

  @Test
  void allowsTheActualRequestFrom127001OnAnyPort() {
    given()
        .header("Origin", "http://127.0.0.1:3000")
        .contentType(ContentType.JSON)
        .body("{\"query\": \"{ __typename }\"}")
        .post("/graphql")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "http://127.0.0.1:3000")
        .body("data.__typename", equalTo("Query"));
  }

  @Test
  void givesARefusedOriginNoAllowOriginOnThePreflight() {
    given()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .options("/graphql")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void givesARefusedOriginNoAllowOriginOnTheRequest() {
    given()
        .header("Origin", "https://localhost.evil.example")
        .contentType(ContentType.JSON)
        .body("{\"query\": \"{ __typename }\"}")
        .post("/graphql")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
