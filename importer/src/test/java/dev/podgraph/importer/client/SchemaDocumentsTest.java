package dev.podgraph.importer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SDLDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.TypeName;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The importer's GraphQL documents against the subgraphs' committed schemas: a renamed field or
 * argument in catalog-service or guest-service fails here rather than at import time. Documents
 * that span both subgraphs (through the gateway) are checked against the two schemas merged the way
 * the gateway's API schema joins them (fields of a type defined in both are united).
 */
class SchemaDocumentsTest {

  @ParameterizedTest(name = "{0} is valid against {1}")
  @CsvSource({
    "EpisodeByNumber, catalog-service guest-service",
    "CreateEpisode, catalog-service",
    "UpdateEpisode, catalog-service",
    "PublishEpisode, catalog-service",
    "GuestBySlug, guest-service",
    "CreateGuest, guest-service",
    "UpdateGuest, guest-service",
    "AddAppearance, guest-service"
  })
  void documentIsValidAgainstTheSubgraphSchemas(String operation, String subgraphs)
      throws IOException {
    GraphQLSchema schema = schema(List.of(subgraphs.split(" ")));
    Document document = Parser.parse(Operation.load(operation).document());

    List<ValidationError> errors =
        new Validator().validateDocument(schema, document, Locale.ENGLISH);

    assertEquals(List.of(), errors.stream().map(ValidationError::getMessage).toList());
  }

  private static GraphQLSchema schema(List<String> subgraphs) throws IOException {
    TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
    for (String subgraph : subgraphs) {
      // Tests run in importer/; the schemas are committed next to each service's code.
      Path file = Path.of("..", subgraph, "schema.graphql");
      String sdl = Files.exists(file) ? Files.readString(file) : "";
      Assumptions.assumeFalse(sdl.isBlank(), file + " is not committed yet");
      Document parsed = Parser.parse(sdl);
      merge(registry, parsed);
      referencedTypes(parsed).stream()
          .filter(name -> registry.getType(name).isEmpty() && !isBuiltIn(name))
          .forEach(
              name ->
                  registry.add(ScalarTypeDefinition.newScalarTypeDefinition().name(name).build()));
    }
    return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void merge(TypeDefinitionRegistry registry, Document sdl) {
    for (Definition<?> definition : sdl.getDefinitions()) {
      if (definition instanceof SchemaDefinition) {
        if (registry.schemaDefinition().isEmpty()) {
          registry.add((SDLDefinition) definition);
        }
      } else if (definition instanceof ObjectTypeDefinition type
          && registry.getType(type.getName()).isPresent()) {
        ObjectTypeDefinition known = (ObjectTypeDefinition) registry.getType(type.getName()).get();
        Set<String> names =
            known.getFieldDefinitions().stream()
                .map(FieldDefinition::getName)
                .collect(Collectors.toSet());
        List<FieldDefinition> fields = new ArrayList<>(known.getFieldDefinitions());
        type.getFieldDefinitions().stream()
            .filter(f -> !names.contains(f.getName()))
            .forEach(fields::add);
        registry.remove(known);
        registry.add(known.transform(b -> b.fieldDefinitions(fields)));
      } else if (definition instanceof graphql.language.DirectiveDefinition directive) {
        if (registry.getDirectiveDefinition(directive.getName()).isEmpty()) {
          registry.add(directive);
        }
      } else if (definition instanceof graphql.language.TypeDefinition type) {
        if (registry.getType(type.getName()).isEmpty() && !isBuiltIn(type.getName())) {
          registry.add((SDLDefinition) definition);
        }
      }
    }
  }

  /**
   * SmallRye prints federation's and its own custom scalars (federation__FieldSet, _Any, DateTime)
   * without declaring them; they are declared here as plain scalars.
   */
  private static Set<String> referencedTypes(Document sdl) {
    Set<String> names = new HashSet<>();
    new NodeTraverser()
        .depthFirst(
            new NodeVisitorStub() {
              @Override
              @SuppressWarnings("rawtypes") // graphql-java's signature
              public TraversalControl visitTypeName(TypeName node, TraverserContext<Node> context) {
                names.add(node.getName());
                return TraversalControl.CONTINUE;
              }
            },
            sdl.getDefinitions());
    return names;
  }

  private static boolean isBuiltIn(String name) {
    return Set.of("String", "Int", "Float", "Boolean", "ID").contains(name);
  }
}
