package dev.podgraph.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The closed set of {@code extensions.code} values every Podgraph GraphQL error carries
 * (docs/CONVENTIONS.md, Errors), defined once for the subgraph services ({@code common}) and the
 * gateway. Services use the first seven; the gateway adds the request-level ones.
 */
public enum ErrorCode {
  /** The input broke a rule the client can fix (validation, invalid lifecycle transition). */
  BAD_USER_INPUT,
  /** The thing the client named does not exist. */
  NOT_FOUND,
  /** The write lost a race or collides with existing data (stale version, duplicate key). */
  CONFLICT,
  /** No credentials, or credentials that could not be verified. */
  UNAUTHENTICATED,
  /** Verified credentials without the role the operation needs. */
  FORBIDDEN,
  /** A dependency the operation cannot do without is down. */
  UNAVAILABLE,
  /** Anything else: the message is withheld, the log has the details. */
  INTERNAL,
  /** Gateway: the document is not GraphQL. */
  GRAPHQL_PARSE_FAILED,
  /** Gateway: the document does not validate against the joined schema. */
  GRAPHQL_VALIDATION_FAILED,
  /** Gateway: an automatic persisted query it does not hold (the client resends the text). */
  PERSISTED_QUERY_NOT_FOUND,
  /** Gateway: an automatic persisted query whose hash is not the SHA-256 of its text. */
  PERSISTED_QUERY_HASH_MISMATCH,
  /** Gateway: an operation outside the trusted-documents manifest, in {@code require} mode. */
  PERSISTED_QUERY_NOT_IN_LIST,
  /** Gateway: no operation, or not the one the request names. */
  OPERATION_RESOLUTION_FAILURE,
  /** Gateway: the operation's estimated cost is above the limit (demand control). */
  COST_ESTIMATED_TOO_EXPENSIVE;

  /** One error object as a GraphQL response carries it: {@code message} and this code. */
  public Map<String, Object> error(String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("extensions", Map.of("code", name()));
    return error;
  }
}
