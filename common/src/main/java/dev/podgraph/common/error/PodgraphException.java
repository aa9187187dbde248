package dev.podgraph.common.error;

import dev.podgraph.rules.ErrorCode;

/**
 * A failure the client is told about: its message reaches the client and {@link #code()} becomes
 * {@code extensions.code}. One subclass per failure mode; each also carries SmallRye's
 * {@code @ErrorCode} with the same code.
 */
public abstract class PodgraphException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  protected PodgraphException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  protected PodgraphException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
