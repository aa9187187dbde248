package dev.podgraph.gateway.http;

import java.util.Map;

/** A GraphQL-over-HTTP request, from a POST body or GET parameters. */
public record GraphQLRequest(
    String query, String operationName, Map<String, Object> variables, boolean viaGet) {

  public GraphQLRequest {
    variables = variables == null ? Map.of() : variables;
  }
}
