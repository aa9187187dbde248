package dev.podgraph.gateway.http;

import dev.podgraph.gateway.plan.QueryPlan;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The introspection root fields of an operation, answered by the gateway itself. */
// graphql-java's AST API hands out raw lists (List<Selection>, List<Type>, List<Value>).
@SuppressWarnings("rawtypes")
final class Introspection {
  private Introspection() {}

  /** Answers {@code __schema}/{@code __type} root fields with graphql-java on the API schema. */
  static Map<String, Object> answer(
      ServingState current, QueryPlan plan, Map<String, Object> variables) {
    List<Selection> fields = new ArrayList<>();
    collectIntrospection(plan.selection(), fields);
    if (fields.isEmpty()) {
      return Map.of();
    }
    SelectionSet selection = SelectionSet.newSelectionSet(fields).build();
    String text = AstPrinter.printAstCompact(selection);
    OperationDefinition query =
        OperationDefinition.newOperationDefinition()
            .operation(OperationDefinition.Operation.QUERY)
            .variableDefinitions(
                plan.variableDefinitions().stream()
                    .filter(
                        d ->
                            java.util.regex.Pattern.compile(
                                    "\\$" + d.getName() + "(?![_0-9A-Za-z])")
                                .matcher(text)
                                .find())
                    .toList())
            .selectionSet(selection)
            .build();
    // The normalizer inlined everything, so the text only needs the variables it names.
    ExecutionResult result =
        current
            .introspection()
            .execute(
                ExecutionInput.newExecutionInput(AstPrinter.printAstCompact(query))
                    .variables(variables)
                    .build());
    Map<String, Object> data = result.getData();
    return data == null ? Map.of() : data;
  }

  private static void collectIntrospection(SelectionSet set, List<Selection> out) {
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof Field field
          && (field.getName().equals("__schema") || field.getName().equals("__type"))) {
        out.add(field);
      } else if (selection instanceof InlineFragment fragment) {
        collectIntrospection(fragment.getSelectionSet(), out);
      }
    }
  }
}
