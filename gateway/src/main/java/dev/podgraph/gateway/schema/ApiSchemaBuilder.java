package dev.podgraph.gateway.schema;

import dev.podgraph.gateway.supergraph.InvalidSupergraphException;
import dev.podgraph.gateway.supergraph.LinkNames;
import dev.podgraph.gateway.supergraph.SupergraphParser;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives the API schema clients see from a supergraph: the join and link machinery removed and
 * every {@code @inaccessible} element hidden. graphql-java then parses, validates and introspects
 * client operations against it.
 */
// graphql-java's AST API hands out raw lists (List<Selection>, List<Type>, List<Value>).
@SuppressWarnings("rawtypes")
public final class ApiSchemaBuilder {

  private static final Set<String> KEPT_DIRECTIVES = Set.of("deprecated", "specifiedBy", "oneOf");

  public GraphQLSchema build(String supergraphSdl) {
    Document document = SupergraphParser.parseDocument(supergraphSdl);
    LinkNames names = LinkNames.of(document);
    Set<String> hidden = new HashSet<>();
    for (TypeDefinition<?> type : document.getDefinitionsOfType(TypeDefinition.class)) {
      if (names.isMachinery(type.getName()) || inaccessible(type, names)) {
        hidden.add(type.getName());
      }
    }
    List<Definition> kept = new ArrayList<>();
    for (Definition<?> definition : document.getDefinitions()) {
      Definition<?> cleaned = clean(definition, hidden, names);
      if (cleaned != null) {
        kept.add(cleaned);
      }
    }
    Document api = document.transform(b -> b.definitions(kept));
    try {
      return UnExecutableSchemaGenerator.makeUnExecutableSchema(
          new SchemaParser().buildRegistry(api));
    } catch (SchemaProblem e) {
      throw new InvalidSupergraphException(
          "supergraph does not give a valid API schema: " + e.getMessage(), e);
    }
  }

  private static Definition<?> clean(
      Definition<?> definition, Set<String> hidden, LinkNames names) {
    return switch (definition) {
      case SchemaDefinition s ->
          s.transform(
              b ->
                  b.directives(List.of())
                      .operationTypeDefinitions(
                          s.getOperationTypeDefinitions().stream()
                              .filter(o -> !hidden.contains(o.getTypeName().getName()))
                              .toList()));
      case TypeDefinition<?> t when hidden.contains(t.getName()) -> null;
      case ObjectTypeDefinition o ->
          o.transform(
              b ->
                  b.directives(keep(o.getDirectives()))
                      .fieldDefinitions(fields(o.getFieldDefinitions(), hidden, names))
                      .implementz(visibleTypes(o.getImplements(), hidden)));
      case InterfaceTypeDefinition i ->
          i.transform(
              b ->
                  b.directives(keep(i.getDirectives()))
                      .definitions(fields(i.getFieldDefinitions(), hidden, names))
                      .implementz(visibleTypes(i.getImplements(), hidden)));
      case UnionTypeDefinition u ->
          u.transform(
              b ->
                  b.directives(keep(u.getDirectives()))
                      .memberTypes(visibleTypes(u.getMemberTypes(), hidden)));
      case EnumTypeDefinition e ->
          e.transform(
              b ->
                  b.directives(keep(e.getDirectives()))
                      .enumValueDefinitions(
                          e.getEnumValueDefinitions().stream()
                              .filter(v -> !inaccessible(v, names))
                              .map(v -> v.transform(vb -> vb.directives(keep(v.getDirectives()))))
                              .toList()));
      case InputObjectTypeDefinition i ->
          i.transform(
              b ->
                  b.directives(keep(i.getDirectives()))
                      .inputValueDefinitions(inputs(i.getInputValueDefinitions(), hidden, names)));
      case ScalarTypeDefinition s -> s.transform(b -> b.directives(keep(s.getDirectives())));
      default -> null; // directive definitions: the API keeps only the built-in ones
    };
  }

  private static List<FieldDefinition> fields(
      List<FieldDefinition> fields, Set<String> hidden, LinkNames names) {
    return fields.stream()
        .filter(f -> !inaccessible(f, names))
        .filter(f -> !hidden.contains(SupergraphParser.typeName(f.getType())))
        .map(
            f ->
                f.transform(
                    b ->
                        b.directives(keep(f.getDirectives()))
                            .inputValueDefinitions(
                                inputs(f.getInputValueDefinitions(), hidden, names))))
        .toList();
  }

  private static List<InputValueDefinition> inputs(
      List<InputValueDefinition> inputs, Set<String> hidden, LinkNames names) {
    return inputs.stream()
        .filter(i -> !inaccessible(i, names))
        .filter(i -> !hidden.contains(SupergraphParser.typeName(i.getType())))
        .map(i -> i.transform(b -> b.directives(keep(i.getDirectives()))))
        .toList();
  }

  private static List<Type> visibleTypes(List<Type> types, Set<String> hidden) {
    return types.stream().filter(t -> !hidden.contains(((TypeName) t).getName())).toList();
  }

  private static List<Directive> keep(List<Directive> directives) {
    return directives.stream().filter(d -> KEPT_DIRECTIVES.contains(d.getName())).toList();
  }

  private static boolean inaccessible(DirectivesContainer<?> element, LinkNames names) {
    return SupergraphParser.has(element, names.inaccessible());
  }
}
