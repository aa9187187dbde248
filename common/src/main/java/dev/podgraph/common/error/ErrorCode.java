package dev.podgraph.common.error;

/**
 * The closed set of {@code extensions.code} values every Podgraph GraphQL error carries
 * (docs/CONVENTIONS.md). Services use the first seven; the gateway adds the request-level ones.
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
  GRAPHQL_PARSE_FAILED,
  GRAPHQL_VALIDATION_FAILED,
  PERSISTED_QUERY_NOT_FOUND,
  OPERATION_RESOLUTION_FAILURE
}
