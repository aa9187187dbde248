package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.FieldModel;
import dev.podgraph.gateway.supergraph.TypeModel;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import java.util.List;

/**
 * Shared value types: a field of a type without a key that the current subgraph lacks cannot be
 * reached by a jump, so the path to it is asked again, from the nearest ancestor that can be
 * re-entered (an entity, or the query root), of a subgraph that resolves the whole path.
 */
final class ValueTypeRefetch {

  /** A field being planned, its parent type and the context it was planned in. */
  record Frame(Field field, String parentType, PlanningContext ctx) {}

  private final Traversal traversal;

  ValueTypeRefetch(Traversal traversal) {
    this.traversal = traversal;
  }

  /** Plans the missing field through an ancestor; returns false when there is none. */
  boolean throughAncestor(Field missing, String missingType) {
    Field chain = missing;
    String chainType = missingType;
    String queryType = traversal.facts.supergraph().queryType();
    for (Frame frame : List.copyOf(traversal.frames)) {
      TypeModel parent = traversal.type(frame.parentType());
      FieldModel model = parent.field(frame.field().getName()).orElseThrow();
      Selection<?> inner =
          model.typeName().equals(chainType)
              ? chain
              : InlineFragment.newInlineFragment()
                  .typeCondition(TypeName.newTypeName(chainType).build())
                  .selectionSet(SelectionSet.newSelectionSet(List.of(chain)).build())
                  .build();
      Field wrapped =
          frame
              .field()
              .transform(b -> b.selectionSet(SelectionSet.newSelectionSet(List.of(inner)).build()));
      chain = wrapped;
      chainType = frame.parentType();
      String from = frame.ctx().subgraph();
      boolean root = frame.parentType().equals(queryType);
      if (!root && !traversal.facts.hasResolvableKey(parent)) {
        continue;
      }
      for (String subgraph : traversal.facts.supergraph().subgraphs().keySet()) {
        if (subgraph.equals(from)
            || !traversal.facts.resolves(subgraph, parent, model)
            || RootFields.stuck(traversal, wrapped, parent, subgraph, 0)) {
          continue;
        }
        if (root) {
          FetchDraft fetch = traversal.graph.newFetch(subgraph, List.of(), false);
          traversal.planField(wrapped, frame.parentType(), traversal.rootContext(fetch));
        } else {
          String target = subgraph;
          traversal.jumps.jump(wrapped, parent, model, frame.ctx(), s -> s.equals(target));
        }
        return true;
      }
      return false;
    }
    return false;
  }
}
