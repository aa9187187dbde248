package dev.podgraph.gateway.plan;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the requested operation of a (validated) document and inlines its fragments, deciding
 * {@code @skip}/{@code @include} with the request's variables so the planner never sees them.
 */
// graphql-java's AST API hands out raw lists (List<Selection>, List<Type>, List<Value>).
@SuppressWarnings("rawtypes")
public final class OperationNormalizer {

  /** Thrown when the document does not say unambiguously which operation to run. */
  public static final class UnknownOperationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownOperationException(String message) {
      super(message);
    }
  }

  public static OperationDefinition select(Document document, String operationName) {
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
    if (operationName == null || operationName.isEmpty()) {
      if (operations.size() != 1) {
        throw new UnknownOperationException(
            operations.isEmpty()
                ? "The document contains no operation."
                : "Must provide operation name if query contains multiple operations.");
      }
      return operations.getFirst();
    }
    return operations.stream()
        .filter(o -> operationName.equals(o.getName()))
        .findFirst()
        .orElseThrow(
            () ->
                new UnknownOperationException(
                    "Unknown operation named \"" + operationName + "\"."));
  }

  /** The names of the variables that steer {@code @skip}/{@code @include}: part of a plan's key. */
  public static Set<String> conditionVariables(Document document) {
    Set<String> names = new HashSet<>();
    new graphql.language.NodeTraverser()
        .preOrder(
            new graphql.language.NodeVisitorStub() {
              @Override
              public graphql.util.TraversalControl visitDirective(
                  Directive node, graphql.util.TraverserContext<graphql.language.Node> context) {
                if (node.getName().equals("skip") || node.getName().equals("include")) {
                  Argument argument = node.getArgument("if");
                  if (argument != null && argument.getValue() instanceof VariableReference v) {
                    names.add(v.getName());
                  }
                }
                return graphql.util.TraversalControl.CONTINUE;
              }
            },
            document);
    return names;
  }

  public NormalizedOperation normalize(
      Document document, String operationName, Map<String, Object> variables) {
    OperationDefinition operation = select(document, operationName);
    Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
    document
        .getDefinitionsOfType(FragmentDefinition.class)
        .forEach(f -> fragments.put(f.getName(), f));
    Map<String, VariableDefinition> definitions = new LinkedHashMap<>();
    operation.getVariableDefinitions().forEach(d -> definitions.put(d.getName(), d));
    Inliner inliner = new Inliner(fragments, variables, definitions);
    return new NormalizedOperation(
        operation.getOperation(), inliner.inline(operation.getSelectionSet()), definitions);
  }

  private record Inliner(
      Map<String, FragmentDefinition> fragments,
      Map<String, Object> variables,
      Map<String, VariableDefinition> definitions) {

    SelectionSet inline(SelectionSet set) {
      List<Selection> result = new ArrayList<>();
      for (Selection<?> selection : set.getSelections()) {
        switch (selection) {
          case Field f when included(f.getDirectives()) ->
              result.add(
                  f.transform(
                      b ->
                          b.directives(List.of())
                              .selectionSet(
                                  f.getSelectionSet() == null
                                      ? null
                                      : inline(f.getSelectionSet()))));
          case InlineFragment i when included(i.getDirectives()) ->
              result.add(
                  InlineFragment.newInlineFragment()
                      .typeCondition(i.getTypeCondition())
                      .selectionSet(inline(i.getSelectionSet()))
                      .build());
          case FragmentSpread s when included(s.getDirectives()) -> {
            FragmentDefinition definition = fragments.get(s.getName());
            result.add(
                InlineFragment.newInlineFragment()
                    .typeCondition(definition.getTypeCondition())
                    .selectionSet(inline(definition.getSelectionSet()))
                    .build());
          }
          default -> {}
        }
      }
      return SelectionSet.newSelectionSet(result).build();
    }

    boolean included(List<Directive> directives) {
      for (Directive d : directives) {
        if (d.getName().equals("skip") && condition(d)) {
          return false;
        }
        if (d.getName().equals("include") && !condition(d)) {
          return false;
        }
      }
      return true;
    }

    boolean condition(Directive d) {
      Value<?> value = d.getArgument("if").getValue();
      if (value instanceof BooleanValue b) {
        return b.isValue();
      }
      String name = ((VariableReference) value).getName();
      Object given = variables.get(name);
      if (given == null && definitions.containsKey(name)) {
        Value<?> fallback = definitions.get(name).getDefaultValue();
        return fallback instanceof BooleanValue b && b.isValue();
      }
      return Boolean.TRUE.equals(given);
    }
  }
}
