package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.Supergraph;
import dev.podgraph.gateway.supergraph.TypeKind;
import dev.podgraph.gateway.supergraph.TypeModel;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Field-set arithmetic shared by the planner: projections, provides, type conditions. */
// graphql-java's AST API hands out raw lists (List<Selection>, List<Type>, List<Value>).
@SuppressWarnings("rawtypes")
final class Projections {

  private Projections() {}

  static List<Projection.Field> of(SelectionSet set) {
    return of(set, Optional.empty());
  }

  private static List<Projection.Field> of(SelectionSet set, Optional<String> onType) {
    List<Projection.Field> fields = new ArrayList<>();
    for (Selection<?> selection : set.getSelections()) {
      switch (selection) {
        case Field f ->
            fields.add(
                new Projection.Field(
                    f.getName(),
                    f.getResultKey(),
                    onType,
                    Optional.ofNullable(f.getSelectionSet()).map(s -> new Projection(of(s)))));
        case InlineFragment i ->
            fields.addAll(
                of(
                    i.getSelectionSet(),
                    Optional.ofNullable(i.getTypeCondition()).map(t -> t.getName())));
        default -> {}
      }
    }
    return fields;
  }

  static List<Projection.Field> merge(List<Projection.Field> left, List<Projection.Field> right) {
    List<Projection.Field> merged = new ArrayList<>(left);
    for (Projection.Field field : right) {
      int at = -1;
      for (int i = 0; i < merged.size(); i++) {
        Projection.Field existing = merged.get(i);
        if (existing.outputKey().equals(field.outputKey())
            && existing.onType().equals(field.onType())) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        merged.add(field);
      } else if (field.children().isPresent()) {
        Projection.Field existing = merged.get(at);
        List<Projection.Field> children =
            merge(
                existing.children().map(Projection::fields).orElse(List.of()),
                field.children().get().fields());
        merged.set(
            at,
            new Projection.Field(
                existing.outputKey(),
                existing.sourceKey(),
                existing.onType(),
                Optional.of(new Projection(children))));
      }
    }
    return List.copyOf(merged);
  }

  /**
   * True when two projections can feed one representation: no field is written under the same name
   * (and type condition) from two different response keys.
   */
  static boolean compatible(List<Projection.Field> left, List<Projection.Field> right) {
    for (Projection.Field a : left) {
      for (Projection.Field b : right) {
        if (!a.outputKey().equals(b.outputKey()) || !a.onType().equals(b.onType())) {
          continue;
        }
        if (!a.sourceKey().equals(b.sourceKey())) {
          return false;
        }
        if (a.children().isPresent()
            && b.children().isPresent()
            && !compatible(a.children().get().fields(), b.children().get().fields())) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when a {@code @provides} field set in force covers the field on this type. */
  static boolean provides(
      List<Selection> provided, String fieldName, TypeModel type, Supergraph supergraph) {
    for (Selection<?> selection : provided) {
      if (selection instanceof Field f && f.getName().equals(fieldName)) {
        return true;
      }
      if (selection instanceof InlineFragment i
          && (i.getTypeCondition() == null
              || applies(i.getTypeCondition().getName(), type.name(), supergraph))
          && provides(i.getSelectionSet().getSelections(), fieldName, type, supergraph)) {
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

  /** Whether a fragment on {@code condition} applies to an object of type {@code objectType}. */
  static boolean applies(String condition, String objectType, Supergraph supergraph) {
    if (condition.equals(objectType)) {
      return true;
    }
    Optional<TypeModel> type = supergraph.findType(condition);
    Optional<TypeModel> object = supergraph.findType(objectType);
    if (type.isEmpty() || object.isEmpty()) {
      return false;
    }
    return switch (type.get().kind()) {
          case UNION -> type.get().members().contains(objectType);
          case INTERFACE -> object.get().interfaces().contains(condition);
          default -> false;
        }
        || (object.get().kind() == TypeKind.INTERFACE && condition.equals(objectType));
  }
}
