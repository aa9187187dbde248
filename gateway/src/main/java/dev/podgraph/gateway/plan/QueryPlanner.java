package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.Supergraph;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a normalized operation into a {@link QueryPlan}. Pure: reads the supergraph, does no I/O.
 *
 * <p>The facts the planner asks of a supergraph ({@link SupergraphFacts}) are worked out once, when
 * the planner is built for it; each operation is then walked by a {@link Traversal}: every
 * selection is planned against a concrete object type, a field the current subgraph cannot give
 * becomes an entity jump ({@link EntityJumps}) with its key and {@code @requires} planned as
 * conditions ({@link Requirements}), and the fetches it produces form a dependency graph ({@link
 * FetchGraph}) that becomes the plan: as few sequential steps as the dependencies allow,
 * independent fetches in parallel.
 */
public final class QueryPlanner {

  private final Supergraph supergraph;
  private final SupergraphFacts facts;

  public QueryPlanner(Supergraph supergraph) {
    this.supergraph = supergraph;
    this.facts = new SupergraphFacts(supergraph);
  }

  /** The progressive-override labels of the supergraph, to roll for each request. */
  public OverrideLabels overrideLabels() {
    return facts.overrideLabels();
  }

  /** Plans with no progressive-override label active. */
  public QueryPlan plan(NormalizedOperation operation) {
    return plan(operation, Set.of());
  }

  /**
   * @param activeLabels the progressive-override labels active for this request ({@link
   *     OverrideLabels#roll}); plans differ by them, so a plan cache keys on them too
   */
  public QueryPlan plan(NormalizedOperation operation, Set<String> activeLabels) {
    String rootType =
        switch (operation.kind()) {
          case QUERY -> supergraph.queryType();
          case MUTATION ->
              supergraph
                  .mutationType()
                  .orElseThrow(() -> new PlanningException("The schema has no mutations."));
          case SUBSCRIPTION ->
              throw new PlanningException("Subscriptions are not supported by this gateway.");
        };
    RootFields roots =
        new RootFields(new Traversal(facts.withActiveLabels(activeLabels), operation));
    Optional<PlanNode> root =
        operation.kind() == OperationDefinition.Operation.MUTATION
            ? roots.planMutation(rootType)
            : roots.planQuery(rootType);
    return new QueryPlan(
        operation.kind(),
        rootType,
        operation.selection(),
        root,
        List.copyOf(operation.variables().values()));
  }
}
