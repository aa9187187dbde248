package dev.podgraph.gateway.supergraph;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an Apollo Federation supergraph (join spec v0.2 to v0.5) into a {@link Supergraph}. Every
 * failure is an {@link InvalidSupergraphException} whose message says what is wrong.
 */
public final class SupergraphParser {

  private static final ParserOptions SDL_OPTIONS =
      ParserOptions.getDefaultSdlParserOptions().transform(o -> o.maxTokens(Integer.MAX_VALUE));

  public Supergraph parse(String sdl) {
    Document document = parseDocument(sdl);
    LinkNames names = LinkNames.of(document);
    ContextDirectives contexts = ContextDirectives.of(document);
    Map<String, Subgraph> graphsByEnum = readGraphs(document, names);
    Map<String, Subgraph> subgraphs = new LinkedHashMap<>();
    graphsByEnum.values().forEach(s -> subgraphs.put(s.name(), s));

    Map<String, TypeModel> types = new LinkedHashMap<>();
    boolean declaresImplements = false;
    for (TypeDefinition<?> definition : document.getDefinitionsOfType(TypeDefinition.class)) {
      if (names.isMachinery(definition.getName())) {
        continue;
      }
      TypeModel type = readType(definition, graphsByEnum, names, contexts);
      declaresImplements |= !type.implementsBySubgraph().isEmpty();
      types.put(type.name(), type);
    }
    String query = "Query";
    Optional<String> mutation = Optional.empty();
    for (SchemaDefinition schema : document.getDefinitionsOfType(SchemaDefinition.class)) {
      for (OperationTypeDefinition op : schema.getOperationTypeDefinitions()) {
        switch (op.getName()) {
          case "query" -> query = op.getTypeName().getName();
          case "mutation" -> mutation = Optional.of(op.getTypeName().getName());
          default -> {}
        }
      }
    }
    if (mutation.isEmpty() && types.containsKey("Mutation")) {
      mutation = Optional.of("Mutation");
    }
    if (!types.containsKey(query)) {
      throw new InvalidSupergraphException("supergraph has no query root type " + query);
    }
    Supergraph supergraph =
        new Supergraph(subgraphs, types, query, mutation, declaresImplements, sdl);
    checkReferences(supergraph);
    return supergraph;
  }

  /** Parses SDL without graphql-java's token limit, which large supergraphs exceed. */
  public static Document parseDocument(String sdl) {
    if (sdl == null || sdl.isBlank()) {
      throw new InvalidSupergraphException("supergraph is empty");
    }
    try {
      return Parser.parse(
          graphql.parser.ParserEnvironment.newParserEnvironment()
              .document(sdl)
              .parserOptions(SDL_OPTIONS)
              .build());
    } catch (InvalidSyntaxException e) {
      throw new InvalidSupergraphException("supergraph is not valid GraphQL: " + e.getMessage(), e);
    }
  }

  private static Map<String, Subgraph> readGraphs(Document document, LinkNames names) {
    EnumTypeDefinition graphEnum =
        document.getDefinitionsOfType(EnumTypeDefinition.class).stream()
            .filter(e -> e.getName().equals(names.join("__Graph")))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidSupergraphException(
                        "supergraph has no enum "
                            + names.join("__Graph")
                            + ": is it a composed supergraph (join spec), not a subgraph schema?"));
    Map<String, Subgraph> graphs = new LinkedHashMap<>();
    for (EnumValueDefinition value : graphEnum.getEnumValueDefinitions()) {
      Directive graph =
          value.getDirectives(names.join("__graph")).stream()
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidSupergraphException(
                          "graph " + value.getName() + " has no @" + names.join("__graph")));
      String name = string(graph, "name").orElse(value.getName().toLowerCase());
      String url =
          string(graph, "url")
              .orElseThrow(
                  () -> new InvalidSupergraphException("graph " + value.getName() + " has no url"));
      graphs.put(value.getName(), new Subgraph(value.getName(), name, url));
    }
    if (graphs.isEmpty()) {
      throw new InvalidSupergraphException("supergraph names no subgraph");
    }
    return graphs;
  }

  private TypeModel readType(
      TypeDefinition<?> definition,
      Map<String, Subgraph> graphs,
      LinkNames names,
      ContextDirectives contexts) {
    Map<String, TypeInSubgraph> subgraphs = new LinkedHashMap<>();
    Map<String, List<Key>> keys = new LinkedHashMap<>();
    Map<String, Boolean> interfaceObject = new HashMap<>();
    Map<String, Boolean> extension = new HashMap<>();
    for (Directive d : definition.getDirectives(names.join("__type"))) {
      String graph = graphName(d, graphs, definition.getName());
      keys.computeIfAbsent(graph, g -> new ArrayList<>());
      string(d, "key")
          .ifPresent(
              k ->
                  keys.get(graph)
                      .add(new Key(FieldSets.parse(k), k, bool(d, "resolvable").orElse(true))));
      interfaceObject.merge(graph, bool(d, "isInterfaceObject").orElse(false), Boolean::logicalOr);
      extension.merge(graph, bool(d, "extension").orElse(false), Boolean::logicalOr);
    }
    keys.forEach(
        (graph, list) ->
            subgraphs.put(
                graph,
                new TypeInSubgraph(
                    list, interfaceObject.get(graph), extension.getOrDefault(graph, false))));
    if (subgraphs.isEmpty()) {
      // A type without @join__type (join v0.1 or a hand-written value type) lives everywhere.
      graphs
          .values()
          .forEach(g -> subgraphs.put(g.name(), new TypeInSubgraph(List.of(), false, false)));
    }

    Map<String, Set<String>> implementsBySubgraph = new LinkedHashMap<>();
    for (Directive d : definition.getDirectives(names.join("__implements"))) {
      implementsBySubgraph
          .computeIfAbsent(graphName(d, graphs, definition.getName()), g -> new LinkedHashSet<>())
          .add(string(d, "interface").orElseThrow());
    }
    Map<String, Set<String>> membersBySubgraph = new LinkedHashMap<>();
    for (Directive d : definition.getDirectives(names.join("__unionMember"))) {
      membersBySubgraph
          .computeIfAbsent(graphName(d, graphs, definition.getName()), g -> new LinkedHashSet<>())
          .add(string(d, "member").orElseThrow());
    }

    Map<String, FieldModel> fields = new LinkedHashMap<>();
    TypeKind kind;
    List<String> interfaces = List.of();
    List<String> members = List.of();
    List<FieldDefinition> fieldDefinitions = List.of();
    switch (definition) {
      case ObjectTypeDefinition o -> {
        kind = TypeKind.OBJECT;
        fieldDefinitions = o.getFieldDefinitions();
        interfaces = o.getImplements().stream().map(SupergraphParser::typeName).toList();
      }
      case InterfaceTypeDefinition i -> {
        kind = TypeKind.INTERFACE;
        fieldDefinitions = i.getFieldDefinitions();
        interfaces = i.getImplements().stream().map(SupergraphParser::typeName).toList();
      }
      case UnionTypeDefinition u -> {
        kind = TypeKind.UNION;
        members = u.getMemberTypes().stream().map(SupergraphParser::typeName).toList();
      }
      case EnumTypeDefinition e -> kind = TypeKind.ENUM;
      case InputObjectTypeDefinition i -> kind = TypeKind.INPUT_OBJECT;
      case ScalarTypeDefinition s -> kind = TypeKind.SCALAR;
      default ->
          throw new InvalidSupergraphException("unsupported definition of " + definition.getName());
    }
    for (FieldDefinition field : fieldDefinitions) {
      fields.put(field.getName(), readField(field, graphs, definition.getName(), names));
    }
    return new TypeModel(
        definition.getName(),
        kind,
        subgraphs,
        fields,
        implementsBySubgraph,
        membersBySubgraph,
        interfaces,
        members,
        contexts.contextsOf(definition));
  }

  private FieldModel readField(
      FieldDefinition field, Map<String, Subgraph> graphs, String typeName, LinkNames names) {
    Map<String, FieldInSubgraph> perSubgraph = new LinkedHashMap<>();
    boolean graphless = false;
    for (Directive d : field.getDirectives(names.join("__field"))) {
      if (d.getArgument("graph") == null) {
        graphless = true; // declared by no subgraph on this type: comes from an @interfaceObject
        continue;
      }
      String graph = graphName(d, graphs, typeName + "." + field.getName());
      perSubgraph.put(
          graph,
          new FieldInSubgraph(
              bool(d, "external").orElse(false),
              bool(d, "usedOverridden").orElse(false),
              string(d, "requires").map(FieldSets::parse),
              string(d, "provides").map(FieldSets::parse),
              string(d, "override"),
              string(d, "type"),
              string(d, "overrideLabel"),
              ContextDirectives.arguments(d, typeName + "." + field.getName())));
    }
    return new FieldModel(
        field.getName(),
        typeName(field.getType()),
        listDepth(field.getType()),
        graphql.language.AstPrinter.printAstCompact(field.getType()),
        perSubgraph,
        graphless && perSubgraph.isEmpty());
  }

  private static void checkReferences(Supergraph supergraph) {
    for (TypeModel type : supergraph.types().values()) {
      for (FieldModel field : type.fields().values()) {
        if (!supergraph.types().containsKey(field.typeName()) && !isBuiltIn(field.typeName())) {
          throw new InvalidSupergraphException(
              "field "
                  + type.name()
                  + "."
                  + field.name()
                  + " returns undefined type "
                  + field.typeName());
        }
      }
    }
  }

  private static boolean isBuiltIn(String name) {
    return switch (name) {
      case "String", "Int", "Float", "Boolean", "ID" -> true;
      default -> false;
    };
  }

  private static String graphName(Directive d, Map<String, Subgraph> graphs, String where) {
    Argument argument = d.getArgument("graph");
    if (argument == null || !(argument.getValue() instanceof EnumValue value)) {
      throw new InvalidSupergraphException("@" + d.getName() + " on " + where + " names no graph");
    }
    Subgraph graph = graphs.get(value.getName());
    if (graph == null) {
      throw new InvalidSupergraphException(
          "@" + d.getName() + " on " + where + " names unknown graph " + value.getName());
    }
    return graph.name();
  }

  static Optional<String> string(Directive d, String name) {
    Argument argument = d.getArgument(name);
    if (argument == null) {
      return Optional.empty();
    }
    Value<?> value = argument.getValue();
    return value instanceof StringValue s ? Optional.of(s.getValue()) : Optional.empty();
  }

  private static Optional<Boolean> bool(Directive d, String name) {
    Argument argument = d.getArgument(name);
    return argument != null && argument.getValue() instanceof BooleanValue b
        ? Optional.of(b.isValue())
        : Optional.empty();
  }

  public static String typeName(Type<?> type) {
    return switch (type) {
      case NonNullType n -> typeName(n.getType());
      case ListType l -> typeName(l.getType());
      case TypeName t -> t.getName();
      default -> throw new IllegalArgumentException(type.toString());
    };
  }

  private static int listDepth(Type<?> type) {
    return switch (type) {
      case NonNullType n -> listDepth(n.getType());
      case ListType l -> 1 + listDepth(l.getType());
      default -> 0;
    };
  }

  /** Reads whether a definition carries a directive, for callers outside this package. */
  public static boolean has(DirectivesContainer<?> container, String directive) {
    return !container.getDirectives(directive).isEmpty();
  }
}
