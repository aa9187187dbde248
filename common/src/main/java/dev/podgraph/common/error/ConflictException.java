package dev.podgraph.common.error;

import dev.podgraph.rules.ErrorCode;

/** CONFLICT: a stale expected version, a lost race or a duplicate unique value. */
@io.smallrye.graphql.api.ErrorCode("CONFLICT")
public class ConflictException extends PodgraphException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(ErrorCode.CONFLICT, message);
  }

  public ConflictException(String message, Throwable cause) {
    super(ErrorCode.CONFLICT, message, cause);
  }
}
