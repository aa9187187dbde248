package dev.podgraph.gateway.plan;

/** The operation is valid against the API schema but no subgraph combination can resolve it. */
public final class PlanningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlanningException(String message) {
    super(message);
  }
}
