package dev.podgraph.deploy;

/**
 * A kustomization uses something {@link Kustomize} does not implement: better to stop than to
 * guess.
 */
final class UnsupportedKustomizeFeatureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnsupportedKustomizeFeatureException(String message) {
    super(message);
  }
}
