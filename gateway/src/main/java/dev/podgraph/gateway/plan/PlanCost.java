package dev.podgraph.gateway.plan;

import java.util.Comparator;

/**
 * What a candidate plan costs, compared as Apollo compares plans: sequential fetch steps first,
 * then fetches, then an estimate of the fields handed on (the root field choice uses it to settle
 * ties in favour of a subgraph already asked). Root fields ({@link RootFields}) and entity jumps
 * ({@link JumpChoice}) are both chosen by it.
 */
record PlanCost(int steps, int fetches, int estimate) implements Comparable<PlanCost> {

  /** A candidate that could not be planned: dearer than any plan. */
  static final PlanCost UNPLANNABLE =
      new PlanCost(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

  private static final Comparator<PlanCost> ORDER =
      Comparator.comparingInt(PlanCost::steps)
          .thenComparingInt(PlanCost::fetches)
          .thenComparingInt(PlanCost::estimate);

  /**
   * The cost of a fetch graph planned in a scratch traversal; {@code sharedFetches} of its fetches
   * would be taken by fetches the real plan already has.
   */
  static PlanCost of(FetchGraph graph, int sharedFetches, int estimate) {
    return new PlanCost(graph.steps(), graph.fetchCount() - sharedFetches, estimate);
  }

  boolean plannable() {
    return steps != Integer.MAX_VALUE;
  }

  boolean cheaperThan(PlanCost other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(PlanCost other) {
    return ORDER.compare(this, other);
  }
}
