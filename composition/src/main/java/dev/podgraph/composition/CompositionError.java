package dev.podgraph.composition;

/**
 * A reason the subgraphs do not compose. {@code code} is Apollo's error code where Apollo has one
 * (see {@link ErrorCodes}); {@code message} names the subgraph, type and field concerned.
 */
public record CompositionError(String code, String message) {
  @Override
  public String toString() {
    return code + ": " + message;
  }
}
