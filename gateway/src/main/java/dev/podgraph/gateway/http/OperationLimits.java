package dev.podgraph.gateway.http;

import dev.podgraph.gateway.config.GatewayConfig;
import dev.podgraph.rules.ErrorCode;
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
 * Measures an operation's depth, aliases and fields as executed (fragments counted each time they
 * are spread, memoized so a fragment "bomb" costs linear time) and refuses those over the limits.
 */
public final class OperationLimits {

  private final GatewayConfig.Limits limits;

  public OperationLimits(GatewayConfig.Limits limits) {
    this.limits = limits;
  }

  private record Measure(long depth, long aliases, long fields) {
    Measure plus(Measure other) {
      return new Measure(
          Math.max(depth, other.depth),
          saturated(aliases + other.aliases),
          saturated(fields + other.fields));
    }

    static long saturated(long value) {
      return Math.min(value, Long.MAX_VALUE / 4);
    }
  }

  /** Runs after validation, which has already refused fragment cycles. */
  public void check(Document document, OperationDefinition operation) {
    Map<String, FragmentDefinition> fragments = new HashMap<>();
    document
        .getDefinitionsOfType(FragmentDefinition.class)
        .forEach(f -> fragments.put(f.getName(), f));
    Measure measure = measure(operation.getSelectionSet(), fragments, new HashMap<>());
    if (measure.depth() > limits.maxDepth()) {
      refuse(
          "Operation is nested "
              + measure.depth()
              + " deep; the limit is "
              + limits.maxDepth()
              + ".");
    }
    if (measure.aliases() > limits.maxAliases()) {
      refuse(
          "Operation uses "
              + measure.aliases()
              + " aliases; the limit is "
              + limits.maxAliases()
              + ".");
    }
    if (measure.fields() > limits.maxFields()) {
      refuse(
          "Operation selects "
              + measure.fields()
              + " fields; the limit is "
              + limits.maxFields()
              + ".");
    }
  }

  private static void refuse(String message) {
    throw new RequestRefusedException(ErrorCode.GRAPHQL_VALIDATION_FAILED, 400, message);
  }

  private Measure measure(
      SelectionSet set, Map<String, FragmentDefinition> fragments, Map<String, Measure> memo) {
    Measure total = new Measure(0, 0, 0);
    if (set == null) {
      return total;
    }
    for (Selection<?> selection : set.getSelections()) {
      switch (selection) {
        case Field field -> {
          Measure inner = measure(field.getSelectionSet(), fragments, memo);
          total =
              total.plus(
                  new Measure(
                      inner.depth() + 1,
                      inner.aliases() + (field.getAlias() != null ? 1 : 0),
                      inner.fields() + 1));
        }
        case InlineFragment fragment ->
            total = total.plus(measure(fragment.getSelectionSet(), fragments, memo));
        case FragmentSpread spread -> {
          Measure known = memo.get(spread.getName());
          if (known == null) {
            FragmentDefinition definition = fragments.get(spread.getName());
            known =
                definition == null
                    ? new Measure(0, 0, 0)
                    : measure(definition.getSelectionSet(), fragments, memo);
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
