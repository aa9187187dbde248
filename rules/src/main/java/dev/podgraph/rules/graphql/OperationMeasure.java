package dev.podgraph.rules.graphql;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.Map;

/**
 * An operation's depth, aliases and fields as executed: fragments count each time they are spread,
 * memoized per fragment so that a fragment "bomb" (each fragment spreading the next twice) is
 * measured in linear time, where graphql-java's own depth and complexity instrumentations walk the
 * expanded tree. Counts saturate instead of overflowing. The gateway and the subgraph services
 * apply their limits to it; the document must have passed validation (no fragment cycles).
 *
 * @param depth the deepest chain of fields
 * @param aliases fields with an alias
 * @param fields every field selected, counted as often as it would be executed
 */
public record OperationMeasure(long depth, long aliases, long fields) {
  private static final OperationMeasure NONE = new OperationMeasure(0, 0, 0);

  /** Measures {@code operation} of {@code document}. */
  public static OperationMeasure of(Document document, OperationDefinition operation) {
    Map<String, FragmentDefinition> fragments = new HashMap<>();
    document
        .getDefinitionsOfType(FragmentDefinition.class)
        .forEach(f -> fragments.put(f.getName(), f));
    return measure(operation.getSelectionSet(), fragments, new HashMap<>());
  }

  private OperationMeasure plus(OperationMeasure other) {
    return new OperationMeasure(
        Math.max(depth, other.depth),
        saturated(aliases + other.aliases),
        saturated(fields + other.fields));
  }

  private static long saturated(long value) {
    return Math.min(value, Long.MAX_VALUE / 4);
  }

  private static OperationMeasure measure(
      SelectionSet set,
      Map<String, FragmentDefinition> fragments,
      Map<String, OperationMeasure> memo) {
    OperationMeasure total = NONE;
    if (set == null) {
      return total;
    }
    for (Selection<?> selection : set.getSelections()) {
      switch (selection) {
        case Field field -> {
          OperationMeasure inner = measure(field.getSelectionSet(), fragments, memo);
          total =
              total.plus(
                  new OperationMeasure(
                      inner.depth + 1,
                      inner.aliases + (field.getAlias() != null ? 1 : 0),
                      inner.fields + 1));
        }
        case InlineFragment fragment ->
            total = total.plus(measure(fragment.getSelectionSet(), fragments, memo));
        case FragmentSpread spread -> {
          OperationMeasure known = memo.get(spread.getName());
          if (known == null) {
            FragmentDefinition definition = fragments.get(spread.getName());
            known =
                definition == null ? NONE : measure(definition.getSelectionSet(), fragments, memo);
            memo.put(spread.getName(), known);
          }
          total = total.plus(known);
        }
        default -> {}
      }
    }
    return total;
  }
}
