package dev.podgraph.gateway.plan;

/** A step of a query plan, in the shape of Apollo's query plans. Immutable. */
public sealed interface PlanNode
    permits PlanNode.Sequence, PlanNode.Parallel, PlanNode.Fetch, PlanNode.Flatten {

  /** Children run one after the other: later ones read what earlier ones merged. */
  record Sequence(java.util.List<PlanNode> nodes) implements PlanNode {
    public Sequence {
      nodes = java.util.List.copyOf(nodes);
    }
  }

  /** Children are independent and run concurrently. */
  record Parallel(java.util.List<PlanNode> nodes) implements PlanNode {
    public Parallel {
      nodes = java.util.List.copyOf(nodes);
    }
  }

  /**
   * One request to one subgraph.
   *
   * @param operation the GraphQL text sent
   * @param variableUsages client variables the operation declares, passed on as given
   * @param requires for an {@code _entities} fetch: how to build a representation from an object of
   *     each runtime type found at the flatten path; empty for a root fetch
   * @param provides the response keys (the client's, private aliases undone) this fetch writes into
   *     each object it is sent for, by the type condition of the fragment that asks them ({@code
   *     ""} for fields outside fragments, as a root fetch's); {@code __typename} left out. A failed
   *     fetch reports its errors at these fields.
   * @param contextRewrites for an {@code _entities} fetch: the variables read from each object's
   *     ancestors ({@code @fromContext}); objects with different values are sent apart
   */
  record Fetch(
      String subgraph,
      String operation,
      java.util.List<String> variableUsages,
      java.util.List<EntityRequirement> requires,
      java.util.Map<String, java.util.List<String>> provides,
      java.util.List<ContextRewrite> contextRewrites)
      implements PlanNode {
    public Fetch {
      variableUsages = java.util.List.copyOf(variableUsages);
      requires = java.util.List.copyOf(requires);
      provides = java.util.Map.copyOf(provides);
      contextRewrites = java.util.List.copyOf(contextRewrites);
    }

    public Fetch(
        String subgraph,
        String operation,
        java.util.List<String> variableUsages,
        java.util.List<EntityRequirement> requires,
        java.util.Map<String, java.util.List<String>> provides) {
      this(subgraph, operation, variableUsages, requires, provides, java.util.List.of());
    }

    public boolean isEntityFetch() {
      return !requires.isEmpty();
    }
  }

  /**
   * Runs an entity fetch for the objects found at a path of the merged result and merges the
   * answers back into them.
   */
  record Flatten(java.util.List<PathElement> path, Fetch fetch) implements PlanNode {
    public Flatten {
      path = java.util.List.copyOf(path);
    }
  }
}
