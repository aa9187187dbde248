package dev.podgraph.gateway.supergraph;

/** The supergraph text cannot be served: the message names the problem for an operator. */
public final class InvalidSupergraphException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidSupergraphException(String message) {
    super(message);
  }

  public InvalidSupergraphException(String message, Throwable cause) {
    super(message, cause);
  }
}
