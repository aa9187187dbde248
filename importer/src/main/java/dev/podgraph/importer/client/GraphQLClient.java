package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * GraphQL over HTTP (POST, JSON) with an optional bearer token. A response with errors fails the
 * call: the importer never continues on half an answer.
 */
public final class GraphQLClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final ObjectMapper json;
  private final URI endpoint;
  private final String token;

  public GraphQLClient(URI endpoint, String token, ObjectMapper json) {
    // HTTP/1.1: no h2c upgrade dance with servers that do not speak it (the JDK's own, proxies).
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.json = json;
    this.endpoint = endpoint;
    this.token = token;
  }

  /** Runs {@code operation} and returns its {@code data}. */
  public JsonNode execute(Operation operation, Map<String, ?> variables) throws GraphQLException {
    ObjectNode body = json.createObjectNode();
    body.put("query", operation.document());
    body.put("operationName", operation.name());
    body.set("variables", json.valueToTree(variables));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/graphql-response+json, application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new GraphQLException(
          operation.name(), "UNAVAILABLE", "cannot reach " + endpoint + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraphQLException(operation.name(), "UNAVAILABLE", "interrupted");
    }
    return data(operation, response);
  }

  private JsonNode data(Operation operation, HttpResponse<String> response)
      throws GraphQLException {
    JsonNode result;
    try {
      result = json.readTree(response.body());
    } catch (IOException e) {
      result = null;
    }
    if (result == null || !result.isObject()) {
      throw new GraphQLException(
          operation.name(),
          "HTTP_" + response.statusCode(),
          "the endpoint did not answer with GraphQL JSON");
    }
    JsonNode errors = result.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      JsonNode first = errors.get(0);
      String code = first.path("extensions").path("code").asText("HTTP_" + response.statusCode());
      String message = first.path("message").asText("(no message)");
      throw new GraphQLException(operation.name(), code, message);
    }
    if (response.statusCode() / 100 != 2) {
      throw new GraphQLException(
          operation.name(), "HTTP_" + response.statusCode(), "request refused");
    }
    return result.path("data");
  }
}
