package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.Key;
import dev.podgraph.gateway.supergraph.TypeModel;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code @interfaceObject}: a subgraph that knows an interface only as an object type answers the
 * interface's own fields for every implementation; {@code __typename} and fragments on
 * implementations need a subgraph that knows the real types, and a field it adds is reached by
 * sending the interface's name as the representation type (the cast edge of Apollo's query graph).
 */
// graphql-java's AST API hands out raw lists (List<Selection>).
@SuppressWarnings("rawtypes")
final class InterfaceObjects {

  private final Traversal traversal;

  InterfaceObjects(Traversal traversal) {
    this.traversal = traversal;
  }

  /** The interfaces of an object type that the subgraph has as interface objects with the field. */
  List<TypeModel> carrying(TypeModel type, String fieldName, String subgraph) {
    List<TypeModel> carriers = new ArrayList<>();
    for (String iface : type.interfaces()) {
      TypeModel candidate = traversal.type(iface);
      if (candidate.isInterfaceObjectIn(subgraph)
          && candidate
              .field(fieldName)
              .map(f -> traversal.facts.resolves(subgraph, candidate, f))
              .orElse(false)) {
        carriers.add(candidate);
      }
    }
    return carriers;
  }

  /**
   * Plans selections on an interface the current subgraph knows as an object: its own fields here,
   * the rest through a subgraph that knows the implementations.
   */
  void plan(List<Selection> selections, TypeModel type, PlanningContext ctx) {
    // The shaper needs a type for every abstract value, even if it is only the interface's.
    ctx.node().ensureTypename();
    List<Selection> needsRealType = new ArrayList<>();
    for (Selection<?> selection : selections) {
      if (selection instanceof Field field && !field.getName().equals("__typename")) {
        traversal.planField(field, type.name(), ctx);
      } else if (selection instanceof InlineFragment fragment
          && (fragment.getTypeCondition() == null
              || fragment.getTypeCondition().getName().equals(type.name()))) {
        plan(fragment.getSelectionSet().getSelections(), type, ctx);
      } else {
        needsRealType.add(selection);
      }
    }
    if (needsRealType.isEmpty()) {
      return;
    }
    for (String subgraph : traversal.facts.supergraph().subgraphs().keySet()) {
      if (!type.isIn(subgraph) || type.isInterfaceObjectIn(subgraph)) {
        continue;
      }
      Optional<Key> key =
          type.keys(subgraph).stream()
              .filter(Key::resolvable)
              .filter(k -> traversal.facts.keyAvailable(k.fields(), type, ctx.subgraph()))
              .findFirst();
      if (key.isEmpty()) {
        continue;
      }
      FetchGraph.Collected<List<Projection.Field>> representation =
          traversal.graph.collecting(
              () -> {
                ctx.node().ensureTypename();
                return traversal.requirements.add(
                    key.get().fields(), type, ctx, PlanningContext.Purpose.KEY);
              });
      FetchDraft target =
          traversal.graph.entityFetch(
              ctx,
              subgraph,
              representation.touched(),
              type.name(),
              type.name(),
              representation.value());
      SelectionDraft node = target.root.fragment(type.name());
      traversal.planChildren(
          SelectionSet.newSelectionSet(needsRealType).build(),
          type,
          ctx.entered(target, node, subgraph, PlanningContext.Purpose.CLIENT));
      return;
    }
    throw new PlanningException(
        "No subgraph can tell the implementation of interface " + type.name());
  }
}
