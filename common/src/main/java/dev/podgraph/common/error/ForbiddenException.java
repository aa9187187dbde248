package dev.podgraph.common.error;

import dev.podgraph.rules.ErrorCode;

/** FORBIDDEN: a verified caller without the role the operation needs. */
@io.smallrye.graphql.api.ErrorCode("FORBIDDEN")
public class ForbiddenException extends PodgraphException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(ErrorCode.FORBIDDEN, message);
  }

  public ForbiddenException(String message, Throwable cause) {
    super(ErrorCode.FORBIDDEN, message, cause);
  }
}
