package dev.podgraph.common.error;

import dev.podgraph.rules.ErrorCode;

/**
 * INTERNAL: stands in for an unexpected exception, whose message never reaches the client. The
 * client sees only a reference that is also in the log next to the real cause.
 */
@io.smallrye.graphql.api.ErrorCode("INTERNAL")
public class InternalErrorException extends PodgraphException {
  private static final long serialVersionUID = 1L;

  private final String reference;

  public InternalErrorException(String reference, Throwable cause) {
    super(ErrorCode.INTERNAL, "Internal error (reference " + reference + ")", cause);
    this.reference = reference;
  }

  public String reference() {
    return reference;
  }
}
