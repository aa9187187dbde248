package dev.podgraph.gateway.execute;

import java.util.Locale;

/**
 * A subgraph request that produced no GraphQL answer. The reason reaches clients as {@code
 * extensions.reason}; the message and cause stay in the gateway.
 */
public final class SubgraphUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a subgraph request produced no answer. */
  public enum Reason {
    /** No answer within the subgraph's timeout. */
    TIMEOUT("it did not answer in time"),
    /** Connection refused, reset or closed before an answer. */
    CONNECTION_FAILED("it could not be reached"),
    /** An answer that is not a GraphQL response (an HTML error page, a proxy's 502, ...). */
    INVALID_RESPONSE("it did not answer with a GraphQL response"),
    /** Its circuit breaker is open: the gateway did not send the request at all. */
    CIRCUIT_OPEN("its circuit breaker is open after recent failures");

    private final String explanation;

    Reason(String explanation) {
      this.explanation = explanation;
    }

    /** Words for the client's error message, after "Subgraph 'x' is unavailable: ". */
    public String explanation() {
      return explanation;
    }

    /** A metric tag value. */
    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;

  public SubgraphUnavailableException(String subgraph, Reason reason, Throwable cause) {
    super("subgraph " + subgraph + ": " + reason.explanation(), cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
