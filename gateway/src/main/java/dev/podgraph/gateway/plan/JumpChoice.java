package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.FieldInSubgraph;
import dev.podgraph.gateway.supergraph.FieldModel;
import dev.podgraph.gateway.supergraph.Key;
import dev.podgraph.gateway.supergraph.TypeModel;
import graphql.language.Field;
import java.util.List;
import java.util.Map;

/**
 * Chooses the subgraph of an entity jump by cost: when several subgraphs can take a field (a
 * shareable field, different keys, a key only reachable through another subgraph), the jump to each
 * is planned with the field's whole selection in a scratch traversal, from a fetch of the current
 * subgraph at the same path, and the cheapest fetch graph by {@link PlanCost} wins. Ties keep the
 * order {@link EntityJumps} lists the targets in (the greedy choice of earlier versions).
 *
 * <p>Bounded: at most {@link #MAX_OPTIONS} targets are compared per field; choices are compared
 * only in the real traversal and in the scratch traversals it starts directly (deeper scratch
 * traversals take the first target); a cost is kept per (current subgraph, type, field of the
 * operation, target) for the whole planning run.
 */
final class JumpChoice {

  /** Targets compared per field; the rest are never chosen over these. */
  static final int MAX_OPTIONS = 4;

  /** Scratch traversals nested deeper than this take the first target without comparing. */
  static final int MAX_SCRATCH_LEVEL = 1;

  /** Where a jump lands: the subgraph, the key it is entered by and the type sent. */
  record Target(String subgraph, Key key, String representationType) {}

  /**
   * What a scratch plan's cost depends on. The {@link Field} is the operation's own node, compared
   * by identity: the same selection at the same place.
   */
  record Option(
      String from,
      String type,
      Field field,
      Target target,
      PlanningContext.Purpose purpose,
      boolean entityLevel) {}

  private final Traversal traversal;
  private final Map<Option, PlanCost> costs;

  JumpChoice(Traversal traversal, Map<Option, PlanCost> costs) {
    this.traversal = traversal;
    this.costs = costs;
  }

  Map<Option, PlanCost> costs() {
    return costs;
  }

  /** The target to jump to, of {@code targets} listed in the order ties keep. */
  Target choose(
      Field field, TypeModel type, FieldModel model, PlanningContext ctx, List<Target> targets) {
    Target first = targets.getFirst();
    if (targets.size() == 1
        || traversal.scratchLevel > MAX_SCRATCH_LEVEL
        || cheapestPossible(field, type, model, ctx, first)) {
      return first;
    }
    PlanCost best = cost(field, type, model, ctx, first);
    if (!best.plannable()) {
      // The first target cannot be measured (a scratch plan does not see the ancestors a value
      // type may be asked again through): keep it rather than guess.
      return first;
    }
    Target chosen = first;
    for (Target target : targets.subList(1, Math.min(MAX_OPTIONS, targets.size()))) {
      PlanCost cost = cost(field, type, model, ctx, target);
      if (cost.cheaperThan(best)) {
        best = cost;
        chosen = target;
      }
    }
    return chosen;
  }

  /**
   * A leaf field without {@code @requires}, entered by a key the current subgraph gives, costs one
   * step and at most one fetch, which no other target can beat (an entity fetch already planned at
   * the position is listed first): nothing to compare.
   */
  private boolean cheapestPossible(
      Field field, TypeModel type, FieldModel model, PlanningContext ctx, Target first) {
    FieldInSubgraph owner = model.perSubgraph().get(first.subgraph());
    return field.getSelectionSet() == null
        && first.representationType().equals(type.name())
        && owner != null
        && owner.requires().isEmpty()
        && traversal.facts.keyAvailable(first.key().fields(), type, ctx.subgraph());
  }

  private PlanCost cost(
      Field field, TypeModel type, FieldModel model, PlanningContext ctx, Target target) {
    Option option =
        new Option(ctx.subgraph(), type.name(), field, target, ctx.purpose(), ctx.entityLevel());
    PlanCost alone = costs.get(option);
    if (alone == null) {
      alone = planAlone(field, type, model, ctx, target);
      costs.put(option, alone);
    }
    if (!alone.plannable()) {
      return alone;
    }
    // An entity fetch to the target already planned at this position takes the field.
    int shared = traversal.graph.hasEntityFetch(ctx.position(), target.subgraph()) ? 1 : 0;
    return new PlanCost(alone.steps(), alone.fetches() - shared, alone.estimate());
  }

  private PlanCost planAlone(
      Field field, TypeModel type, FieldModel model, PlanningContext ctx, Target target) {
    Traversal scratch = traversal.scratch();
    FetchDraft start = scratch.graph.newFetch(ctx.subgraph(), ctx.path(), ctx.fetch().entity);
    PlanningContext from =
        new PlanningContext(
            start,
            start.root,
            ctx.subgraph(),
            ctx.path(),
            ctx.provided(),
            ctx.purpose(),
            ctx.depth(),
            ctx.entityLevel(),
            ctx.reserved(),
            ctx.candidates());
    try {
      scratch.jumps.jumpTo(field, type, model, from, target);
    } catch (PlanningException e) {
      return PlanCost.UNPLANNABLE;
    }
    return PlanCost.of(scratch.graph, 0, 0);
  }
}
