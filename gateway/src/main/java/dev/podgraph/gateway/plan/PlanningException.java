package dev.podgraph.gateway.plan;

/** The operation is valid against the API schema but no subgraph combination can resolve it. */
public final class PlanningException extends RuntimeException {

  public PlanningException(String message) {
    super(message);
  }
}
