package dev.podgraph.gateway.http;

import dev.podgraph.rules.ErrorCode;

/**
 * The request is refused before execution: its message goes to the client with the code, and the
 * HTTP status says whether the request itself was bad.
 */
public final class RequestRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final int status;

  public RequestRefusedException(ErrorCode code, int status, String message) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
  }

  public ErrorCode code() {
    return code;
  }

  public int status() {
    return status;
  }
}
