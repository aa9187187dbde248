package dev.podgraph.deploy;

/**
 * A kustomization or manifest that kustomize itself would refuse (missing target, duplicate id).
 */
final class InvalidKustomizationException extends RuntimeException {
  InvalidKustomizationException(String message) {
    super(message);
  }

  InvalidKustomizationException(String message, Throwable cause) {
    super(message, cause);
  }
}
