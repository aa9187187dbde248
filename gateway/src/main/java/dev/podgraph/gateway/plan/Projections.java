package dev.podgraph.gateway.plan;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Projections: how a representation is copied out of a merged object, and merging them. */
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
}
