package dev.podgraph.gateway.supergraph;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;
import graphql.language.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads Federation 2.8 contexts from a supergraph: {@code @context(name:)} on types (the context
 * spec, {@code https://specs.apollo.dev/context/v0.1}, possibly renamed with {@code as:}) and
 * {@code contextArguments} on {@code @join__field} (join v0.5).
 */
// graphql-java's AST API hands out raw lists (List<Value>).
@SuppressWarnings("rawtypes")
final class ContextDirectives {

  private final String contextDirective;

  private ContextDirectives(String contextDirective) {
    this.contextDirective = contextDirective;
  }

  static ContextDirectives of(Document document) {
    String name = "context";
    for (SchemaDefinition schema : document.getDefinitionsOfType(SchemaDefinition.class)) {
      for (Directive link : schema.getDirectives("link")) {
        String url = SupergraphParser.string(link, "url").orElse("");
        if (url.contains("/context/")) {
          name = SupergraphParser.string(link, "as").orElse(name);
        }
      }
    }
    return new ContextDirectives(name);
  }

  /** The contexts a type sets. */
  Set<String> contextsOf(TypeDefinition<?> definition) {
    Set<String> contexts = new LinkedHashSet<>();
    for (Directive d : definition.getDirectives(contextDirective)) {
      contexts.add(
          SupergraphParser.string(d, "name")
              .orElseThrow(
                  () ->
                      new InvalidSupergraphException(
                          "@"
                              + contextDirective
                              + " on "
                              + definition.getName()
                              + " has no name")));
    }
    return contexts;
  }

  /** The {@code contextArguments} of one {@code @join__field}. */
  static List<ContextArgument> arguments(Directive joinField, String where) {
    Argument argument = joinField.getArgument("contextArguments");
    if (argument == null) {
      return List.of();
    }
    List<Value> values =
        argument.getValue() instanceof ArrayValue array
            ? array.getValues()
            : List.of(argument.getValue());
    List<ContextArgument> arguments = new ArrayList<>();
    for (Value<?> value : values) {
      if (!(value instanceof ObjectValue object)) {
        throw new InvalidSupergraphException("contextArguments of " + where + " must be objects");
      }
      arguments.add(
          new ContextArgument(
              field(object, "context", where),
              field(object, "name", where),
              field(object, "type", where),
              selection(field(object, "selection", where))));
    }
    return arguments;
  }

  /** Composition writes the selection in braces ({@code " { prop }"}), unlike field sets. */
  private static graphql.language.SelectionSet selection(String text) {
    String stripped = text.strip();
    if (stripped.startsWith("{") && stripped.endsWith("}")) {
      stripped = stripped.substring(1, stripped.length() - 1);
    }
    return FieldSets.parse(stripped);
  }

  private static String field(ObjectValue object, String name, String where) {
    for (ObjectField field : object.getObjectFields()) {
      if (field.getName().equals(name) && field.getValue() instanceof StringValue s) {
        return s.getValue();
      }
    }
    throw new InvalidSupergraphException("a contextArgument of " + where + " has no " + name);
  }
}
