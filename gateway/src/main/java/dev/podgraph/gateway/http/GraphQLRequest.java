package dev.podgraph.gateway.http;

import java.util.Map;

/**
 * A GraphQL-over-HTTP request, from a POST body or GET parameters.
 *
 * @param explainPlan whether the answer carries the query plan in {@code
 *     extensions.apolloQueryPlan} (a developer's request header, when allowed)
 */
public record GraphQLRequest(
    String query,
    String operationName,
    Map<String, Object> variables,
    boolean viaGet,
    boolean explainPlan) {

  public GraphQLRequest {
    variables = variables == null ? Map.of() : variables;
  }

  public GraphQLRequest(
      String query, String operationName, Map<String, Object> variables, boolean viaGet) {
    this(query, operationName, variables, viaGet, false);
  }
}
