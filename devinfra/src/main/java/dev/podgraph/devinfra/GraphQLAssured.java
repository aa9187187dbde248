package dev.podgraph.devinfra;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;

/** GraphQL over HTTP for tests, so no test pastes JSON strings together. */
public final class GraphQLAssured {
  private GraphQLAssured() {}

  /** An anonymous request (reads are public). */
  public static ValidatableResponse post(String query) {
    return post(query, Map.of());
  }

  public static ValidatableResponse post(String query, Map<String, ?> variables) {
    return send(given(), query, variables);
  }

  /** A request with a valid editor token. */
  public static ValidatableResponse asEditor(String query, Map<String, ?> variables) {
    return withToken(DevTokens.editor(), query, variables);
  }

  public static ValidatableResponse asEditor(String query) {
    return asEditor(query, Map.of());
  }

  public static ValidatableResponse withToken(
      String token, String query, Map<String, ?> variables) {
    return send(given().auth().oauth2(token), query, variables);
  }

  private static ValidatableResponse send(
      RequestSpecification request, String query, Map<String, ?> variables) {
    Map<String, Object> body = new HashMap<>();
    body.put("query", query);
    body.put("variables", variables);
    return request
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON)
        .body(body)
        .when()
        .post("/graphql")
        .then();
  }
}
