package dev.podgraph.deploy;

/**
 * A kustomization or manifest that kustomize itself would refuse (missing target, duplicate id).
 */
final class InvalidKustomizationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidKustomizationException(String message) {
    super(message);
  }

  InvalidKustomizationException(String message, Throwable cause) {
    super(message, cause);
  }
}
