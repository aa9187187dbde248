package dev.podgraph.gateway.supergraph;

import graphql.language.AstPrinter;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Checks a supergraph against the subgraphs that will serve it: every object or interface type the
 * supergraph places in a subgraph ({@code @join__type}) must be defined in that subgraph's own SDL
 * ({@code _service { sdl }}), with every field the supergraph routes to it ({@code @join__field},
 * or all fields of a type without any), of the type the supergraph expects there. This is what a
 * gateway needs before it sends a subgraph a query: a field the subgraph does not have fails every
 * request that selects it.
 *
 * <p>The check is one-sided on purpose: a subgraph may serve more than the supergraph knows (an
 * expanded schema that is not composed yet), never less.
 */
public final class SubgraphSchemaCheck {

  private SubgraphSchemaCheck() {}

  /**
   * Asks every subgraph of the supergraph for its SDL and compares.
   *
   * @param sdlOf a subgraph's SDL by name and URL; throws {@link InvalidSupergraphException} when
   *     it cannot be had
   * @return per subgraph name, what it lacks; empty when every subgraph serves what the supergraph
   *     expects
   * @throws InvalidSupergraphException when a subgraph cannot be asked or answers no valid SDL
   */
  public static Map<String, List<String>> check(
      Supergraph supergraph, BiFunction<String, String, String> sdlOf) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (Subgraph subgraph : supergraph.subgraphs().values()) {
      String sdl = sdlOf.apply(subgraph.name(), subgraph.url());
      List<String> missing = missing(supergraph, subgraph.name(), sdl);
      if (!missing.isEmpty()) {
        problems.put(subgraph.name(), missing);
      }
    }
    return problems;
  }

  /** What the supergraph expects of {@code subgraph} that {@code sdl} does not define. */
  public static List<String> missing(Supergraph supergraph, String subgraph, String sdl) {
    TypeDefinitionRegistry served;
    try {
      served = new SchemaParser().parse(sdl);
    } catch (InvalidSyntaxException | graphql.schema.idl.errors.SchemaProblem e) {
      throw new InvalidSupergraphException(
          "subgraph " + subgraph + " answered an SDL that does not parse: " + e.getMessage(), e);
    }
    List<String> missing = new ArrayList<>();
    for (TypeModel type : supergraph.types().values()) {
      if ((type.kind() != TypeKind.OBJECT && type.kind() != TypeKind.INTERFACE)
          || !type.isIn(subgraph)) {
        continue;
      }
      Map<String, FieldDefinition> fields = fieldsOf(served, type.name());
      if (fields == null) {
        missing.add("type " + type.name());
        continue;
      }
      for (FieldModel field : type.fields().values()) {
        if (!routedTo(field, subgraph)) {
          continue;
        }
        FieldDefinition own = fields.get(field.name());
        String expected = field.typeIn(subgraph);
        if (own == null) {
          missing.add("field " + type.name() + "." + field.name() + ": " + expected);
        } else if (!AstPrinter.printAstCompact(own.getType()).equals(expected)) {
          missing.add(
              "field "
                  + type.name()
                  + "."
                  + field.name()
                  + ": "
                  + expected
                  + " (serves "
                  + AstPrinter.printAstCompact(own.getType())
                  + ")");
        }
      }
    }
    return missing;
  }

  /**
   * True when the supergraph sends (or reads, for {@code @external}) the field to this subgraph.
   */
  private static boolean routedTo(FieldModel field, String subgraph) {
    if (field.onlyThroughInterfaceObject()) {
      return false;
    }
    return field.perSubgraph().isEmpty() || field.perSubgraph().containsKey(subgraph);
  }

  /**
   * The fields of an object or interface type (definition and extensions merged), or null when the
   * SDL defines no such type. An {@code @interfaceObject} is an object type in its subgraph and an
   * interface in the supergraph, so either kind counts.
   */
  private static Map<String, FieldDefinition> fieldsOf(TypeDefinitionRegistry sdl, String name) {
    List<TypeDefinition<?>> definitions = new ArrayList<>();
    sdl.getType(name).ifPresent(definitions::add);
    definitions.addAll(sdl.objectTypeExtensions().getOrDefault(name, List.of()));
    definitions.addAll(sdl.interfaceTypeExtensions().getOrDefault(name, List.of()));
    Map<String, FieldDefinition> fields = new LinkedHashMap<>();
    boolean found = false;
    for (TypeDefinition<?> definition : definitions) {
      if (definition instanceof ImplementingTypeDefinition<?> implementing) {
        found = true;
        for (FieldDefinition f : implementing.getFieldDefinitions()) {
          fields.put(f.getName(), f);
        }
      }
    }
    return found ? fields : null;
  }
}
