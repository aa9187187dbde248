package dev.podgraph.composition.subgraph;

import dev.podgraph.composition.CompositionError;
import dev.podgraph.composition.ErrorCodes;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Description;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumTypeExtensionDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputObjectTypeExtensionDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.InterfaceTypeExtensionDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.ScalarTypeExtensionDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.UnionTypeExtensionDefinition;
import graphql.language.Value;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one subgraph's SDL into the {@link Subgraph} model: federation directives resolved to their
 * meaning, root types renamed to their default names, federation machinery left out.
 */
public final class SubgraphReader {
  private static final Set<String> BUILT_IN_SCALARS =
      Set.of("String", "Int", "Float", "Boolean", "ID");
  // Types a subgraph declares for the federation/link specs themselves; none reach the supergraph.
  private static final Set<String> MACHINERY_TYPES =
      Set.of("_Any", "_Entity", "_Service", "FieldSet", "_FieldSet", "Import", "Purpose");
  private static final Map<String, String> DEFAULT_ROOT_NAMES =
      Map.of("query", "Query", "mutation", "Mutation", "subscription", "Subscription");
  private static final String DEFAULT_DEPRECATION = "No longer supported";

  private final String name;
  private final List<CompositionError> errors;
  private FederationLink link;
  private final Map<String, String> renames = new HashMap<>();

  private SubgraphReader(String name, List<CompositionError> errors) {
    this.name = name;
    this.errors = errors;
  }

  /** Reads the SDL; syntax errors go to {@code errors} and the result is then null. */
  public static Subgraph read(String name, String url, String sdl, List<CompositionError> errors) {
    return new SubgraphReader(name, errors).read(url, sdl);
  }

  private Subgraph read(String url, String sdl) {
    Document document;
    try {
      // SDLs of real services can be large; graphql-java's default token limit is for operations.
      ParserOptions options =
          ParserOptions.getDefaultSdlParserOptions().transform(o -> o.maxTokens(Integer.MAX_VALUE));
      document =
          new Parser()
              .parseDocument(
                  ParserEnvironment.newParserEnvironment()
                      .document(sdl)
                      .parserOptions(options)
                      .build());
    } catch (InvalidSyntaxException e) {
      errors.add(
          new CompositionError(
              ErrorCodes.INVALID_GRAPHQL, "[" + name + "] Syntax error: " + e.getMessage()));
      return null;
    }
    List<Directive> schemaDirectives = new ArrayList<>();
    for (Definition<?> definition : document.getDefinitions()) {
      if (definition instanceof SchemaDefinition schema) {
        schemaDirectives.addAll(schema.getDirectives());
        for (OperationTypeDefinition op : schema.getOperationTypeDefinitions()) {
          String defaultName = DEFAULT_ROOT_NAMES.get(op.getName());
          if (defaultName != null && !defaultName.equals(op.getTypeName().getName())) {
            renames.put(op.getTypeName().getName(), defaultName);
          }
        }
      }
    }
    link = FederationLink.from(schemaDirectives);

    Map<String, List<TypeDefinition<?>>> nodesByName = new LinkedHashMap<>();
    for (Definition<?> definition : document.getDefinitions()) {
      if (definition instanceof TypeDefinition<?> type && !isMachinery(type.getName())) {
        nodesByName.computeIfAbsent(rename(type.getName()), k -> new ArrayList<>()).add(type);
      }
    }
    Map<String, SubgraphType> types = new LinkedHashMap<>();
    nodesByName.forEach((typeName, nodes) -> types.put(typeName, type(typeName, nodes)));
    // Every subgraph has a Query type, if only for _service and _entities: Apollo counts it as
    // defining Query (a @join__type for it, and a @join__field on every root field elsewhere).
    types.putIfAbsent(
        "Query",
        new SubgraphType(
            "Query",
            TypeKind.OBJECT,
            null,
            false,
            false,
            false,
            false,
            List.of(),
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            List.of(),
            List.of(),
            List.of(),
            Metadata.NONE));
    return new Subgraph(name, url, link.fed2(), link.minor(), types);
  }

  private boolean isMachinery(String typeName) {
    return typeName.startsWith("__")
        || typeName.startsWith("link__")
        || typeName.startsWith("federation__")
        || MACHINERY_TYPES.contains(typeName)
        || BUILT_IN_SCALARS.contains(typeName);
  }

  private String rename(String typeName) {
    return renames.getOrDefault(typeName, typeName);
  }

  private TypeRef typeRef(Type<?> type) {
    return rename(TypeRef.of(type));
  }

  private TypeRef rename(TypeRef ref) {
    return switch (ref) {
      case TypeRef.Named n -> new TypeRef.Named(rename(n.name()));
      case TypeRef.ListOf l -> new TypeRef.ListOf(rename(l.item()));
      case TypeRef.NonNull n -> new TypeRef.NonNull(rename(n.inner()));
    };
  }

  private SubgraphType type(String typeName, List<TypeDefinition<?>> nodes) {
    TypeDefinition<?> first = nodes.getFirst();
    TypeKind kind = kindOf(first);
    String description = null;
    boolean hasBase = false;
    boolean extendsDirective = false;
    boolean interfaceObject = false;
    boolean shareableOnBase = false;
    boolean shareableOnExtension = false;
    boolean externalOnType = false;
    List<Key> keys = new ArrayList<>();
    List<Directive> allDirectives = new ArrayList<>();
    for (TypeDefinition<?> node : nodes) {
      boolean isExtension = isExtensionNode(node);
      hasBase |= !isExtension;
      if (description == null) {
        description = description(node);
      }
      for (Directive d : node.getDirectives()) {
        String canonical = link.canonical(d.getName());
        allDirectives.add(d);
        if (canonical == null) {
          continue;
        }
        switch (canonical) {
          case "extends" -> extendsDirective = true;
          case "interfaceObject" -> interfaceObject = true;
          case "shareable" -> {
            if (isExtension) {
              shareableOnExtension = true;
            } else {
              shareableOnBase = true;
            }
          }
          case "external" -> externalOnType = true;
          default -> {}
        }
      }
    }
    for (TypeDefinition<?> node : nodes) {
      boolean keyOnExtension = isExtensionNode(node) || extendsDirective;
      for (Directive d : node.getDirectives()) {
        if ("key".equals(link.canonical(d.getName()))) {
          String fields = stringArg(d, "fields");
          Boolean resolvable = booleanArg(d, "resolvable");
          keys.add(
              new Key(
                  fields == null ? "" : fields,
                  resolvable == null || resolvable,
                  keyOnExtension,
                  extendsDirective));
        }
      }
    }
    // Apollo ignores @external on a type in fed1 (the upgrader removes it); in fed2 it makes every
    // field of the type external.
    boolean allExternal = externalOnType && link.fed2();

    Map<String, SubgraphField> fields = new LinkedHashMap<>();
    Map<String, SubgraphArgument> inputFields = new LinkedHashMap<>();
    Set<String> interfaces = new LinkedHashSet<>();
    Set<String> members = new LinkedHashSet<>();
    Map<String, SubgraphEnumValue> values = new LinkedHashMap<>();
    for (TypeDefinition<?> node : nodes) {
      boolean onExtension = isExtensionNode(node);
      switch (node) {
        case ObjectTypeDefinition o -> {
          o.getImplements().forEach(t -> interfaces.add(rename(((TypeName) t).getName())));
          for (FieldDefinition f : o.getFieldDefinitions()) {
            addField(typeName, f, onExtension, allExternal, fields);
          }
        }
        case InterfaceTypeDefinition i -> {
          i.getImplements().forEach(t -> interfaces.add(rename(((TypeName) t).getName())));
          for (FieldDefinition f : i.getFieldDefinitions()) {
            addField(typeName, f, onExtension, false, fields);
          }
        }
        case UnionTypeDefinition u ->
            u.getMemberTypes().forEach(t -> members.add(rename(((TypeName) t).getName())));
        case EnumTypeDefinition e -> {
          for (EnumValueDefinition v : e.getEnumValueDefinitions()) {
            values.put(
                v.getName(),
                new SubgraphEnumValue(v.getName(), description(v), metadata(v.getDirectives())));
          }
        }
        case InputObjectTypeDefinition in -> {
          for (InputValueDefinition f : in.getInputValueDefinitions()) {
            inputFields.put(f.getName(), argument(f));
          }
        }
        default -> {}
      }
    }
    return new SubgraphType(
        typeName,
        kind,
        description,
        !hasBase || extendsDirective,
        interfaceObject,
        shareableOnBase,
        shareableOnExtension,
        keys,
        fields,
        inputFields,
        List.copyOf(interfaces),
        List.copyOf(members),
        List.copyOf(values.values()),
        metadata(allDirectives));
  }

  private void addField(
      String typeName,
      FieldDefinition f,
      boolean onExtension,
      boolean allExternal,
      Map<String, SubgraphField> fields) {
    if (typeName.equals("Query")
        && (f.getName().equals("_service") || f.getName().equals("_entities"))) {
      return;
    }
    boolean shareable = false;
    boolean external = allExternal;
    String requires = null;
    String provides = null;
    String overrideFrom = null;
    String overrideLabel = null;
    for (Directive d : f.getDirectives()) {
      String canonical = link.canonical(d.getName());
      if (canonical == null) {
        continue;
      }
      switch (canonical) {
        case "shareable" -> shareable = true;
        case "external" -> external = true;
        case "requires" -> requires = stringArg(d, "fields");
        case "provides" -> provides = stringArg(d, "fields");
        case "override" -> {
          overrideFrom = stringArg(d, "from");
          overrideLabel = stringArg(d, "label");
        }
        default -> {}
      }
    }
    List<SubgraphArgument> args =
        f.getInputValueDefinitions().stream().map(this::argument).toList();
    fields.put(
        f.getName(),
        new SubgraphField(
            f.getName(),
            description(f),
            typeRef(f.getType()),
            args,
            shareable,
            external,
            requires,
            provides,
            overrideFrom,
            overrideLabel,
            onExtension,
            metadata(f.getDirectives())));
  }

  private SubgraphArgument argument(InputValueDefinition v) {
    String defaultValue =
        v.getDefaultValue() == null ? null : ValuePrinter.print(v.getDefaultValue());
    return new SubgraphArgument(
        v.getName(),
        description(v),
        typeRef(v.getType()),
        defaultValue,
        metadata(v.getDirectives()));
  }

  private Metadata metadata(List<Directive> directives) {
    boolean inaccessible = false;
    List<String> tags = new ArrayList<>();
    String deprecation = null;
    for (Directive d : directives) {
      if (d.getName().equals("deprecated")) {
        String reason = stringArg(d, "reason");
        deprecation = reason == null ? DEFAULT_DEPRECATION : reason;
        continue;
      }
      String canonical = link.canonical(d.getName());
      if ("inaccessible".equals(canonical)) {
        inaccessible = true;
      } else if ("tag".equals(canonical)) {
        String tag = stringArg(d, "name");
        if (tag != null && !tags.contains(tag)) {
          tags.add(tag);
        }
      }
    }
    return new Metadata(inaccessible, tags, deprecation);
  }

  private static String description(graphql.language.Node<?> node) {
    Description d =
        switch (node) {
          case ObjectTypeDefinition o -> o.getDescription();
          case InterfaceTypeDefinition i -> i.getDescription();
          case UnionTypeDefinition u -> u.getDescription();
          case EnumTypeDefinition e -> e.getDescription();
          case InputObjectTypeDefinition in -> in.getDescription();
          case ScalarTypeDefinition s -> s.getDescription();
          case FieldDefinition f -> f.getDescription();
          case InputValueDefinition v -> v.getDescription();
          case EnumValueDefinition v -> v.getDescription();
          default -> null;
        };
    return d == null ? null : d.getContent();
  }

  private static TypeKind kindOf(TypeDefinition<?> node) {
    return switch (node) {
      case ObjectTypeDefinition o -> TypeKind.OBJECT;
      case InterfaceTypeDefinition i -> TypeKind.INTERFACE;
      case UnionTypeDefinition u -> TypeKind.UNION;
      case EnumTypeDefinition e -> TypeKind.ENUM;
      case InputObjectTypeDefinition i -> TypeKind.INPUT_OBJECT;
      case ScalarTypeDefinition s -> TypeKind.SCALAR;
      default -> throw new IllegalArgumentException("unknown type definition " + node);
    };
  }

  private static boolean isExtensionNode(TypeDefinition<?> node) {
    return node instanceof ObjectTypeExtensionDefinition
        || node instanceof InterfaceTypeExtensionDefinition
        || node instanceof UnionTypeExtensionDefinition
        || node instanceof EnumTypeExtensionDefinition
        || node instanceof InputObjectTypeExtensionDefinition
        || node instanceof ScalarTypeExtensionDefinition;
  }

  static String stringArg(Directive d, String arg) {
    Argument a = d.getArgument(arg);
    if (a == null) {
      return null;
    }
    Value<?> v = a.getValue();
    if (v instanceof StringValue s) {
      return s.getValue();
    }
    if (v instanceof ArrayValue array) {
      // fed1 allowed @key(fields: ["id"])-like lists in some tools; join them as one selection.
      return String.join(
          " ",
          array.getValues().stream()
              .filter(StringValue.class::isInstance)
              .map(x -> ((StringValue) x).getValue())
              .toList());
    }
    return null;
  }

  private static Boolean booleanArg(Directive d, String arg) {
    Argument a = d.getArgument(arg);
    return a != null && a.getValue() instanceof BooleanValue b ? b.isValue() : null;
  }
}
