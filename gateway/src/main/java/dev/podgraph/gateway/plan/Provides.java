package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.FieldInSubgraph;
import dev.podgraph.gateway.supergraph.FieldModel;
import dev.podgraph.gateway.supergraph.TypeModel;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @provides}: below a field that provides a field set, the subgraph answers those {@code
 * @external} fields itself. The field set in force travels down the traversal in {@link
 * PlanningContext#provided()}.
 */
// graphql-java's AST API hands out raw lists (List<Selection>).
@SuppressWarnings("rawtypes")
final class Provides {

  private Provides() {}

  /** The {@code @provides} field set of a field in a subgraph, if any. */
  static List<Selection> own(FieldModel model, String subgraph) {
    FieldInSubgraph in = model.perSubgraph().get(subgraph);
    return in != null && in.provides().isPresent()
        ? List.copyOf(in.provides().get().getSelections())
        : List.of();
  }

  /** The field set in force below a field: its own provides and what the parent's covers. */
  static List<Selection> below(List<Selection> provided, FieldModel model, String subgraph) {
    List<Selection> result = new ArrayList<>(own(model, subgraph));
    result.addAll(subSelections(provided, model.name()));
    return result;
  }

  /** True when a {@code @provides} field set in force covers the field on this type. */
  static boolean covers(
      List<Selection> provided, String fieldName, TypeModel type, SupergraphFacts facts) {
    for (Selection<?> selection : provided) {
      if (selection instanceof Field f && f.getName().equals(fieldName)) {
        return true;
      }
      if (selection instanceof InlineFragment i
          && (i.getTypeCondition() == null
              || facts.applies(i.getTypeCondition().getName(), type.name()))
          && covers(i.getSelectionSet().getSelections(), fieldName, type, facts)) {
        return true;
      }
    }
    return false;
  }

  /** The part of a provided field set that applies below the named field. */
  static List<Selection> subSelections(List<Selection> provided, String fieldName) {
    List<Selection> result = new ArrayList<>();
    for (Selection<?> selection : provided) {
      if (selection instanceof Field f
          && f.getName().equals(fieldName)
          && f.getSelectionSet() != null) {
        result.addAll(f.getSelectionSet().getSelections());
      } else if (selection instanceof InlineFragment i) {
        result.addAll(subSelections(i.getSelectionSet().getSelections(), fieldName));
      }
    }
    return result;
  }
}
