package dev.podgraph.common.error;

import dev.podgraph.rules.ErrorCode;

/** UNAUTHENTICATED: no token, or one that does not verify. */
@io.smallrye.graphql.api.ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends PodgraphException {
  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(String message) {
    super(ErrorCode.UNAUTHENTICATED, message);
  }

  public UnauthenticatedException(String message, Throwable cause) {
    super(ErrorCode.UNAUTHENTICATED, message, cause);
  }
}
