package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.plan.JumpChoice.Target;
import dev.podgraph.gateway.supergraph.FieldInSubgraph;
import dev.podgraph.gateway.supergraph.FieldModel;
import dev.podgraph.gateway.supergraph.Key;
import dev.podgraph.gateway.supergraph.TypeModel;
import graphql.language.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Keys: a field the current subgraph cannot give is asked of a subgraph that resolves it through
 * {@code _entities}. The key (and the field's {@code @requires}) are added to the current fetch as
 * the representation, and the field is planned in an entity fetch at the same path, shared with
 * other fields when {@link FetchGraph} allows. Which subgraph, when several can take the field, is
 * {@link JumpChoice}'s decision.
 */
final class EntityJumps {

  /** More jumps than this on one path means the supergraph loops: no plan. */
  static final int MAX_JUMP_DEPTH = 16;

  private final Traversal traversal;
  private final Set<String> inProgress = new HashSet<>();

  EntityJumps(Traversal traversal) {
    this.traversal = traversal;
  }

  String jump(
      Field field,
      TypeModel type,
      FieldModel model,
      PlanningContext ctx,
      Predicate<String> allowed) {
    return guarded(
        type,
        model,
        ctx,
        () -> {
          List<Target> targets = targets(type, model, ctx, allowed);
          if (targets.isEmpty()) {
            throw unreachable(type, model, ctx);
          }
          Target target = traversal.choice.choose(field, type, model, ctx, targets);
          return jumpOnce(field, type, model, ctx, target);
        });
  }

  /** Plans the field in a given target subgraph (a candidate {@link JumpChoice} measures). */
  String jumpTo(Field field, TypeModel type, FieldModel model, PlanningContext ctx, Target target) {
    return guarded(type, model, ctx, () -> jumpOnce(field, type, model, ctx, target));
  }

  private String guarded(
      TypeModel type, FieldModel model, PlanningContext ctx, Supplier<String> planning) {
    if (ctx.depth() > MAX_JUMP_DEPTH) {
      throw new PlanningException(
          "Cannot plan field " + type.name() + "." + model.name() + ": too many entity jumps");
    }
    // A key field whose jump needs that same key field again from the same subgraph at the
    // same path is a cycle: no subgraph can give it.
    String step =
        ctx.subgraph()
            + "|"
            + PathElement.render(ctx.path())
            + "|"
            + type.name()
            + "|"
            + model.name();
    if (!inProgress.add(step)) {
      throw unreachable(type, model, ctx);
    }
    try {
      return planning.get();
    } finally {
      inProgress.remove(step);
    }
  }

  private static PlanningException unreachable(
      TypeModel type, FieldModel model, PlanningContext ctx) {
    return new PlanningException(
        "Cannot plan field "
            + type.name()
            + "."
            + model.name()
            + ": no subgraph that resolves it can be reached by a key from subgraph "
            + ctx.subgraph());
  }

  private String jumpOnce(
      Field field, TypeModel type, FieldModel model, PlanningContext ctx, Target target) {
    FetchGraph.Collected<List<Projection.Field>> representation =
        traversal.graph.collecting(
            () -> {
              List<Projection.Field> projection = new ArrayList<>();
              traversal.graph.touch(ctx.fetch());
              ctx.node().ensureTypename();
              projection.addAll(
                  traversal.requirements.add(
                      target.key().fields(), type, ctx, PlanningContext.Purpose.KEY));
              // Through an interface object, the requirement is declared on the interface's field.
              FieldModel carrierField =
                  target.representationType().equals(type.name())
                      ? model
                      : traversal
                          .type(target.representationType())
                          .field(model.name())
                          .orElse(model);
              FieldInSubgraph owner = carrierField.perSubgraph().get(target.subgraph());
              if (owner != null && owner.requires().isPresent()) {
                projection.addAll(
                    traversal.requirements.add(
                        Requirements.aliasArguments(owner.requires().get()),
                        type,
                        ctx,
                        PlanningContext.Purpose.REQUIREMENT));
              }
              return projection;
            });
    FetchDraft fetch =
        traversal.graph.entityFetch(
            ctx,
            target.subgraph(),
            representation.touched(),
            type.name(),
            target.representationType(),
            representation.value());
    SelectionDraft node = fetch.root.typedFragment(target.representationType());
    PlanningContext.Purpose kept =
        ctx.purpose().internal()
            ? PlanningContext.Purpose.REQUIREMENT
            : PlanningContext.Purpose.CLIENT;
    return traversal.planField(
        field, target.representationType(), ctx.entered(fetch, node, target.subgraph(), kept));
  }

  /**
   * The subgraphs that can take the field, in the order ties keep: those entered by a key the
   * current subgraph gives, an entity fetch already planned at this position first, then those
   * whose key must be fetched elsewhere first.
   */
  private List<Target> targets(
      TypeModel type, FieldModel model, PlanningContext ctx, Predicate<String> allowed) {
    List<Target> shared = new ArrayList<>();
    List<Target> direct = new ArrayList<>();
    List<Target> indirect = new ArrayList<>();
    for (String subgraph : traversal.facts.supergraph().subgraphs().keySet()) {
      if (!allowed.test(subgraph) && !model.onlyThroughInterfaceObject()) {
        continue;
      }
      for (TypeModel carrier : carriers(type, model, subgraph)) {
        for (Key key : carrier.keys(subgraph)) {
          if (!key.resolvable()) {
            continue;
          }
          Target target = new Target(subgraph, key, carrier.name());
          if (!traversal.facts.keyAvailable(key.fields(), type, ctx.subgraph())) {
            indirect.add(target);
          } else if (traversal.graph.hasEntityFetch(ctx.position(), subgraph)) {
            shared.add(target);
          } else {
            direct.add(target);
          }
        }
      }
    }
    List<Target> targets = new ArrayList<>(shared);
    targets.addAll(direct);
    targets.addAll(indirect);
    return targets;
  }

  /** The type itself and the interface objects of the subgraph that carry the field. */
  private List<TypeModel> carriers(TypeModel type, FieldModel model, String subgraph) {
    List<TypeModel> carriers = new ArrayList<>();
    if (traversal.facts.resolves(subgraph, type, model)) {
      carriers.add(type);
    }
    carriers.addAll(traversal.interfaceObjects.carrying(type, model.name(), subgraph));
    return carriers;
  }
}
