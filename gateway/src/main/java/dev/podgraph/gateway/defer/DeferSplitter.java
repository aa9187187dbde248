package dev.podgraph.gateway.defer;

import graphql.language.AstPrinter;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splits an operation at its {@code @defer} fragments: a primary operation without them, and for
 * each one a query that walks the same fields (arguments, aliases, type conditions) down to where
 * the fragment sits and asks only its selection there. Each is planned and run by the ordinary
 * pipeline. A {@code @defer} inside a deferred fragment is delivered with its outer one.
 */
// graphql-java's AST API hands out raw lists (List<Selection>, List<Type>, List<Value>).
@SuppressWarnings("rawtypes")
public final class DeferSplitter {

  /** One deferred fragment: its query and the response keys from the root to where it applies. */
  public record Deferred(String label, List<String> path, String query) {}

  /** The operation without its deferred fragments, and the deferred parts. */
  public record Split(String primary, List<Deferred> deferred) {}

  private final Map<String, FragmentDefinition> fragments = new HashMap<>();
  private final Map<String, Object> variables;
  private final OperationDefinition operation;
  private final List<Deferred> deferred = new ArrayList<>();

  private DeferSplitter(
      Document document, OperationDefinition operation, Map<String, Object> variables) {
    document
        .getDefinitionsOfType(FragmentDefinition.class)
        .forEach(f -> fragments.put(f.getName(), f));
    this.operation = operation;
    this.variables = variables;
  }

  public static Split split(
      Document document, OperationDefinition operation, Map<String, Object> variables) {
    DeferSplitter splitter = new DeferSplitter(document, operation, variables);
    SelectionSet primary = splitter.strip(operation.getSelectionSet(), List.of());
    return new Split(splitter.print(primary), List.copyOf(splitter.deferred));
  }

  /** The set without active deferred fragments (collected on the way), named fragments inlined. */
  private SelectionSet strip(SelectionSet set, List<Node<?>> ancestors) {
    List<Selection> kept = new ArrayList<>();
    for (Selection<?> selection : set.getSelections()) {
      switch (selection) {
        case Field field when field.getSelectionSet() != null -> {
          List<Node<?>> below = append(ancestors, field);
          kept.add(field.transform(b -> b.selectionSet(strip(field.getSelectionSet(), below))));
        }
        case Field field -> kept.add(field);
        case InlineFragment fragment when deferral(fragment.getDirectives()) != null ->
            collect(fragment, deferral(fragment.getDirectives()), ancestors);
        case InlineFragment fragment -> {
          List<Node<?>> below = append(ancestors, fragment);
          kept.add(
              fragment.transform(b -> b.selectionSet(strip(fragment.getSelectionSet(), below))));
        }
        case FragmentSpread spread -> {
          InlineFragment inlined = inline(spread);
          if (deferral(spread.getDirectives()) != null) {
            collect(inlined, deferral(spread.getDirectives()), ancestors);
          } else {
            List<Node<?>> below = append(ancestors, inlined);
            kept.add(
                inlined.transform(b -> b.selectionSet(strip(inlined.getSelectionSet(), below))));
          }
        }
        default -> kept.add(selection);
      }
    }
    if (kept.isEmpty()) {
      kept.add(Field.newField("__typename").build());
    }
    return SelectionSet.newSelectionSet(kept).build();
  }

  private InlineFragment inline(FragmentSpread spread) {
    FragmentDefinition definition = fragments.get(spread.getName());
    return InlineFragment.newInlineFragment()
        .typeCondition(definition.getTypeCondition())
        .directives(spread.getDirectives())
        .selectionSet(definition.getSelectionSet())
        .build();
  }

  /** The deferred query: the ancestors' fields and fragments wrapped around the fragment. */
  private void collect(InlineFragment fragment, Directive defer, List<Node<?>> ancestors) {
    Selection<?> inner =
        InlineFragment.newInlineFragment()
            .typeCondition(fragment.getTypeCondition())
            .selectionSet(undefer(fragment.getSelectionSet()))
            .build();
    List<String> path = new ArrayList<>();
    for (Node<?> ancestor : ancestors) {
      if (ancestor instanceof Field field) {
        path.add(field.getAlias() != null ? field.getAlias() : field.getName());
      }
    }
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      SelectionSet set = SelectionSet.newSelectionSet(List.of(inner)).build();
      inner =
          switch (ancestors.get(i)) {
            case Field field -> field.transform(b -> b.selectionSet(set));
            case InlineFragment f -> f.transform(b -> b.selectionSet(set));
            default -> throw new IllegalStateException("unexpected ancestor");
          };
    }
    String label =
        defer.getArgument("label") != null
                && defer.getArgument("label").getValue() instanceof StringValue s
            ? s.getValue()
            : null;
    deferred.add(
        new Deferred(label, path, print(SelectionSet.newSelectionSet(List.of(inner)).build())));
  }

  /** The selection with named fragments inlined and every {@code @defer} dropped. */
  private SelectionSet undefer(SelectionSet set) {
    List<Selection> result = new ArrayList<>();
    for (Selection<?> selection : set.getSelections()) {
      switch (selection) {
        case Field field when field.getSelectionSet() != null ->
            result.add(field.transform(b -> b.selectionSet(undefer(field.getSelectionSet()))));
        case InlineFragment fragment ->
            result.add(
                fragment.transform(
                    b ->
                        b.directives(withoutDefer(fragment.getDirectives()))
                            .selectionSet(undefer(fragment.getSelectionSet()))));
        case FragmentSpread spread -> {
          InlineFragment inlined = inline(spread);
          result.add(
              inlined.transform(
                  b ->
                      b.directives(withoutDefer(inlined.getDirectives()))
                          .selectionSet(undefer(inlined.getSelectionSet()))));
        }
        default -> result.add(selection);
      }
    }
    return SelectionSet.newSelectionSet(result).build();
  }

  private static List<Directive> withoutDefer(List<Directive> directives) {
    return directives.stream().filter(d -> !d.getName().equals("defer")).toList();
  }

  /** The {@code @defer} directive when it applies ({@code if} absent or true), else null. */
  private Directive deferral(List<Directive> directives) {
    for (Directive d : directives) {
      if (d.getName().equals("defer")) {
        Value<?> condition = d.getArgument("if") == null ? null : d.getArgument("if").getValue();
        if (condition == null
            || condition instanceof BooleanValue b && b.isValue()
            || condition instanceof VariableReference v
                && !Boolean.FALSE.equals(variables.get(v.getName()))) {
          return d;
        }
      }
    }
    return null;
  }

  /** The operation around {@code set}, declaring only the variables the text uses. */
  private String print(SelectionSet set) {
    String body = AstPrinter.printAstCompact(set);
    List<VariableDefinition> used =
        operation.getVariableDefinitions().stream()
            .filter(
                d -> Pattern.compile("\\$" + d.getName() + "(?![_0-9A-Za-z])").matcher(body).find())
            .toList();
    return AstPrinter.printAstCompact(
        operation.transform(b -> b.variableDefinitions(used).selectionSet(set)));
  }

  private static List<Node<?>> append(List<Node<?>> list, Node<?> node) {
    List<Node<?>> result = new ArrayList<>(list);
    result.add(node);
    return result;
  }
}
