package dev.podgraph.gateway.cost;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;
import graphql.language.Value;
import graphql.parser.Parser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IBM cost specification's directives as a supergraph carries them (Apollo composes them
 * through when subgraphs import {@code @cost} and {@code @listSize} from {@code
 * https://specs.apollo.dev/cost/v0.1}): {@code @cost(weight:)} on types and fields, {@code
 * @listSize(assumedSize:, slicingArguments:, sizedFields:)} on list and connection fields. Imported
 * under another name ({@code @federation__cost}) counts too.
 */
// graphql-java's AST API hands out raw lists (List<Selection>, List<Type>, List<Value>).
@SuppressWarnings("rawtypes")
public record CostDirectives(
    Map<String, Long> typeWeights,
    Map<String, Long> fieldWeights,
    Map<String, ListSize> listSizes) {

  /** {@code @listSize} of one field. */
  public record ListSize(
      Optional<Long> assumedSize, List<String> slicingArguments, List<String> sizedFields) {}

  public static final CostDirectives NONE = new CostDirectives(Map.of(), Map.of(), Map.of());

  public CostDirectives {
    typeWeights = Map.copyOf(typeWeights);
    fieldWeights = Map.copyOf(fieldWeights);
    listSizes = Map.copyOf(listSizes);
  }

  /** Reads the directives from a supergraph's SDL. */
  public static CostDirectives of(String supergraphSdl) {
    Document document = Parser.parse(supergraphSdl);
    Map<String, Long> types = new HashMap<>();
    Map<String, Long> fields = new HashMap<>();
    Map<String, ListSize> sizes = new HashMap<>();
    for (TypeDefinition<?> type : document.getDefinitionsOfType(TypeDefinition.class)) {
      weight(type).ifPresent(w -> types.put(type.getName(), w));
      if (type instanceof ImplementingTypeDefinition<?> implementing) {
        for (FieldDefinition field : implementing.getFieldDefinitions()) {
          String key = key(type.getName(), field.getName());
          weight(field).ifPresent(w -> fields.put(key, w));
          directive(field, "listSize").ifPresent(d -> sizes.put(key, listSize(d)));
        }
      }
    }
    return new CostDirectives(types, fields, sizes);
  }

  static String key(String type, String field) {
    return type + "." + field;
  }

  private static Optional<Long> weight(DirectivesContainer<?> node) {
    return directive(node, "cost").flatMap(d -> integer(d.getArgument("weight")));
  }

  private static Optional<Directive> directive(DirectivesContainer<?> node, String name) {
    return node.getDirectives().stream()
        .filter(d -> d.getName().equals(name) || d.getName().endsWith("__" + name))
        .findFirst();
  }

  private static ListSize listSize(Directive d) {
    return new ListSize(
        integer(d.getArgument("assumedSize")),
        strings(d.getArgument("slicingArguments")),
        strings(d.getArgument("sizedFields")));
  }

  private static Optional<Long> integer(Argument argument) {
    if (argument != null && argument.getValue() instanceof IntValue i) {
      return Optional.of(i.getValue().longValue());
    }
    return Optional.empty();
  }

  private static List<String> strings(Argument argument) {
    if (argument == null) {
      return List.of();
    }
    Value<?> value = argument.getValue();
    List<Value> values = value instanceof ArrayValue array ? array.getValues() : List.of(value);
    return values.stream()
        .filter(StringValue.class::isInstance)
        .map(v -> ((StringValue) v).getValue())
        .toList();
  }
}
