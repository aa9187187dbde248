package dev.podgraph.gateway.plan;

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

/**
 * Keys: a field the current subgraph cannot give is asked of a subgraph that resolves it through
 * {@code _entities}. The key (and the field's {@code @requires}) are added to the current fetch as
 * the representation, and the field is planned in an entity fetch at the same path, shared with
 * other fields when {@link FetchGraph} allows.
 */
final class EntityJumps {

  /** More jumps than this on one path means the supergraph loops: no plan. */
  static final int MAX_JUMP_DEPTH = 16;

  private final Traversal traversal;
  private final Set<String> inProgress = new HashSet<>();

  EntityJumps(Traversal traversal) {
    this.traversal = traversal;
  }

  /** Where a jump lands: the subgraph, the key it is entered by and the type sent. */
  private record Target(String subgraph, Key key, String representationType) {}

  String jump(
      Field field,
      TypeModel type,
      FieldModel model,
      PlanningContext ctx,
      Predicate<String> allowed) {
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
      return jumpOnce(field, type, model, ctx, allowed);
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
      Field field,
      TypeModel type,
      FieldModel model,
      PlanningContext ctx,
      Predicate<String> allowed) {
    Target target = chooseTarget(type, model, ctx, allowed);
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

  private Target chooseTarget(
      TypeModel type, FieldModel model, PlanningContext ctx, Predicate<String> allowed) {
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
          if (traversal.facts.keyAvailable(key.fields(), type, ctx.subgraph())) {
            direct.add(target);
          } else {
            indirect.add(target);
          }
        }
      }
    }
    for (Target target : direct) {
      if (traversal.graph.hasEntityFetch(ctx.position(), target.subgraph())) {
        return target;
      }
    }
    if (!direct.isEmpty()) {
      return direct.getFirst();
    }
    if (!indirect.isEmpty()) {
      return indirect.getFirst();
    }
    throw unreachable(type, model, ctx);
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
