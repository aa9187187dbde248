package dev.podgraph.composition.supergraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a {@link Supergraph} the way Apollo composition prints one: the schema block with its
 * {@code @link}s, then directive definitions and types each sorted by name, one directive per line
 * on a type. The output depends only on the input, so a committed supergraph compares
 * byte-for-byte.
 */
public final class SupergraphPrinter {
  private static final String LINK_PURPOSE =
      """
      enum link__Purpose {
        \"""
        `SECURITY` features provide metadata necessary to securely resolve fields.
        \"""
        SECURITY

        \"""
        `EXECUTION` features provide metadata necessary for operation execution.
        \"""
        EXECUTION
      }""";

  private static final String JOIN_CONTEXT_ARGUMENT =
      """
      input join__ContextArgument {
        name: String!
        type: String!
        context: String!
        selection: join__FieldValue!
      }""";

  /** Apollo sorts names as JavaScript's localeCompare does: case-insensitively, '_' first. */
  static final Comparator<String> NAME_ORDER =
      Comparator.comparing((String s) -> s.toLowerCase().replace('_', '\u0001'))
          .thenComparing(Comparator.naturalOrder());

  private SupergraphPrinter() {}

  public static String print(Supergraph supergraph) {
    List<String> blocks = new ArrayList<>();
    blocks.add(schemaBlock(supergraph));
    Map<String, String> directives = new TreeMap<>(NAME_ORDER);
    directiveDefinitions(supergraph).forEach(d -> directives.put(d.substring(11, nameEnd(d)), d));
    blocks.addAll(directives.values());

    Map<String, String> types = new TreeMap<>(NAME_ORDER);
    specTypes(supergraph).forEach(types::putAll);
    for (SupergraphType type : supergraph.types()) {
      types.put(type.name(), TypePrinter.print(type));
    }
    blocks.addAll(types.values());
    return String.join("\n\n", blocks);
  }

  private static int nameEnd(String definition) {
    int i = 11; // after "directive @"
    while (i < definition.length()
        && (Character.isLetterOrDigit(definition.charAt(i)) || definition.charAt(i) == '_')) {
      i++;
    }
    return i;
  }

  private static String schemaBlock(Supergraph supergraph) {
    StringBuilder out = new StringBuilder("schema\n");
    out.append("  @link(url: \"https://specs.apollo.dev/link/v1.0\")\n");
    out.append("  @link(url: \"https://specs.apollo.dev/join/v")
        .append(supergraph.joinVersion())
        .append("\", for: EXECUTION)\n");
    if (supergraph.usesTag()) {
      out.append("  @link(url: \"https://specs.apollo.dev/tag/v0.3\")\n");
    }
    if (supergraph.usesInaccessible()) {
      out.append("  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)\n");
    }
    out.append("{\n");
    for (String[] root :
        new String[][] {
          {"query", "Query"}, {"mutation", "Mutation"}, {"subscription", "Subscription"}
        }) {
      if (supergraph.types().stream().anyMatch(t -> t.name().equals(root[1]))) {
        out.append("  ").append(root[0]).append(": ").append(root[1]).append('\n');
      }
    }
    return out.append('}').toString();
  }

  private static List<String> directiveDefinitions(Supergraph supergraph) {
    String version = supergraph.joinVersion();
    boolean v03 = version.equals("0.3");
    boolean v05 = version.equals("0.5");
    List<String> out = new ArrayList<>();
    if (!v03) {
      out.add(
          "directive @join__directive(graphs: [join__Graph!], name: String!, args:"
              + " join__DirectiveArguments) repeatable on SCHEMA | OBJECT | INTERFACE |"
              + " FIELD_DEFINITION");
    }
    out.add("directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE");
    out.add(
        "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides:"
            + " join__FieldSet, type: String, external: Boolean, override: String,"
            + " usedOverridden: Boolean"
            + (v03 ? "" : ", overrideLabel: String")
            + (v05 ? ", contextArguments: [join__ContextArgument!]" : "")
            + ") repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION");
    out.add("directive @join__graph(name: String!, url: String!) on ENUM_VALUE");
    out.add(
        "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on"
            + " OBJECT | INTERFACE");
    out.add(
        "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! ="
            + " false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false)"
            + " repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR");
    out.add(
        "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION");
    out.add(
        "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import])"
            + " repeatable on SCHEMA");
    if (supergraph.usesTag()) {
      out.add(
          "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE |"
              + " UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT |"
              + " INPUT_FIELD_DEFINITION | SCHEMA");
    }
    if (supergraph.usesInaccessible()) {
      out.add(
          "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION |"
              + " ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT |"
              + " INPUT_FIELD_DEFINITION");
    }
    return out;
  }

  private static List<Map<String, String>> specTypes(Supergraph supergraph) {
    String version = supergraph.joinVersion();
    Map<String, String> types = new TreeMap<>();
    types.put("join__FieldSet", "scalar join__FieldSet");
    types.put("link__Import", "scalar link__Import");
    types.put("link__Purpose", LINK_PURPOSE);
    if (!version.equals("0.3")) {
      types.put("join__DirectiveArguments", "scalar join__DirectiveArguments");
    }
    if (version.equals("0.5")) {
      types.put("join__FieldValue", "scalar join__FieldValue");
      types.put("join__ContextArgument", JOIN_CONTEXT_ARGUMENT);
    }
    StringBuilder graphs = new StringBuilder("enum join__Graph {\n");
    for (JoinGraph g : supergraph.graphs()) {
      graphs
          .append("  ")
          .append(g.enumValue())
          .append(" @join__graph(name: ")
          .append(AppliedDirective.quote(g.name()))
          .append(", url: ")
          .append(AppliedDirective.quote(g.url()))
          .append(")\n");
    }
    types.put("join__Graph", graphs.append('}').toString());
    return List.of(types);
  }
}
