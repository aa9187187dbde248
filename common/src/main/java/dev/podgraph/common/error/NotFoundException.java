package dev.podgraph.common.error;

import dev.podgraph.rules.ErrorCode;

/** NOT_FOUND: the thing the client named does not exist. */
@io.smallrye.graphql.api.ErrorCode("NOT_FOUND")
public class NotFoundException extends PodgraphException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(ErrorCode.NOT_FOUND, message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(ErrorCode.NOT_FOUND, message, cause);
  }
}
