package dev.podgraph.common.error;

import dev.podgraph.rules.ErrorCode;

/** UNAVAILABLE: a dependency the operation cannot do without is down. */
@io.smallrye.graphql.api.ErrorCode("UNAVAILABLE")
public class UnavailableException extends PodgraphException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message) {
    super(ErrorCode.UNAVAILABLE, message);
  }

  public UnavailableException(String message, Throwable cause) {
    super(ErrorCode.UNAVAILABLE, message, cause);
  }
}
