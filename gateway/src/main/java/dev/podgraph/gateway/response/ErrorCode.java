package dev.podgraph.gateway.response;

/** The {@code extensions.code} values the gateway itself gives (docs/CONVENTIONS.md, Errors). */
public enum ErrorCode {
  GRAPHQL_PARSE_FAILED,
  GRAPHQL_VALIDATION_FAILED,
  BAD_USER_INPUT,
  OPERATION_RESOLUTION_FAILURE,
  PERSISTED_QUERY_NOT_FOUND,
  PERSISTED_QUERY_HASH_MISMATCH,
  PERSISTED_QUERY_NOT_IN_LIST,
  COST_ESTIMATED_TOO_EXPENSIVE,
  UNAVAILABLE,
  INTERNAL;

  /** One error object as the GraphQL response carries it. */
  public java.util.Map<String, Object> error(String message) {
    java.util.Map<String, Object> error = new java.util.LinkedHashMap<>();
    error.put("message", message);
    error.put("extensions", java.util.Map.of("code", name()));
    return error;
  }
}
