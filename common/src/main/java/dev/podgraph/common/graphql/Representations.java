package dev.podgraph.common.graphql;

import dev.podgraph.rules.ErrorCode;
import graphql.execution.ExecutionContext;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Field;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Selection;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import java.util.List;
import java.util.Map;

/**
 * Each representation of an {@code _entities} call is an object with a string {@code __typename}:
 * {@code _Any} takes any JSON value, and SmallRye's federation data fetcher would fail on a string
 * or a number with a ClassCastException (INTERNAL). Checked on the root fields before anything
 * runs; the count limit is common's {@code InputGuard}.
 */
final class Representations {
  private static final String MESSAGE =
      "Each representation must be an object with a string __typename";

  private Representations() {}

  static void check(ExecutionContext execution) {
    Map<String, Object> variables = execution.getCoercedVariables().toMap();
    for (Selection<?> selection :
        execution.getOperationDefinition().getSelectionSet().getSelections()) {
      if (selection instanceof Field field && field.getName().equals("_entities")) {
        for (Argument argument : field.getArguments()) {
          if (argument.getName().equals("representations")) {
            check(argument.getValue(), variables);
          }
        }
      }
    }
  }

  private static void check(Value<?> value, Map<String, Object> variables) {
    if (value instanceof VariableReference reference) {
      if (variables.get(reference.getName()) instanceof List<?> list) {
        for (Object representation : list) {
          if (!(representation instanceof Map<?, ?> map
              && map.get("__typename") instanceof String)) {
            throw refused();
          }
        }
      }
    } else if (value instanceof ArrayValue array) {
      for (Value<?> element : array.getValues()) {
        if (!(element instanceof ObjectValue object && hasTypename(object))) {
          throw refused();
        }
      }
    }
  }

  private static boolean hasTypename(ObjectValue object) {
    for (ObjectField field : object.getObjectFields()) {
      if (field.getName().equals("__typename") && field.getValue() instanceof StringValue) {
        return true;
      }
    }
    return false;
  }

  private static RuntimeException refused() {
    return OperationGuard.refused(MESSAGE, ErrorCode.BAD_USER_INPUT);
  }
}
