package dev.podgraph.composition.supergraph;

import java.util.List;
import java.util.stream.Collectors;

/** Prints one merged type in Apollo's layout. */
final class TypePrinter {
  private TypePrinter() {}

  static String print(SupergraphType type) {
    StringBuilder out = new StringBuilder();
    description(out, type.description(), "");
    out.append(
        switch (type.kind()) {
          case OBJECT -> "type ";
          case INTERFACE -> "interface ";
          case UNION -> "union ";
          case ENUM -> "enum ";
          case INPUT_OBJECT -> "input ";
          case SCALAR -> "scalar ";
        });
    out.append(type.name());
    if (!type.interfaces().isEmpty()) {
      out.append(" implements ").append(String.join(" & ", type.interfaces()));
    }
    for (AppliedDirective d : type.directives()) {
      out.append("\n  ").append(d.print());
    }
    switch (type.kind()) {
      case OBJECT, INTERFACE -> {
        out.append(type.directives().isEmpty() ? " {\n" : "\n{\n");
        for (SupergraphField f : type.fields()) {
          field(out, f);
        }
        out.append('}');
      }
      case INPUT_OBJECT -> {
        out.append(type.directives().isEmpty() ? " {\n" : "\n{\n");
        for (SupergraphArgument f : type.inputFields()) {
          description(out, f.description(), "  ");
          out.append("  ").append(inputValue(f)).append('\n');
        }
        out.append('}');
      }
      case ENUM -> {
        out.append(type.directives().isEmpty() ? " {\n" : "\n{\n");
        boolean first = true;
        for (SupergraphEnumValue v : type.values()) {
          if (v.description() != null && !first) {
            out.append('\n');
          }
          description(out, v.description(), "  ");
          out.append("  ").append(v.name()).append(directives(v.directives())).append('\n');
          first = false;
        }
        out.append('}');
      }
      case UNION -> {
        if (!type.unionMembers().isEmpty()) {
          out.append(type.directives().isEmpty() ? " = " : "\n = ");
          out.append(String.join(" | ", type.unionMembers()));
        }
      }
      case SCALAR -> {}
    }
    return out.toString();
  }

  private static void field(StringBuilder out, SupergraphField f) {
    description(out, f.description(), "  ");
    out.append("  ").append(f.name());
    if (!f.arguments().isEmpty()) {
      boolean multiline = f.arguments().stream().anyMatch(a -> a.description() != null);
      if (multiline) {
        out.append("(\n");
        for (SupergraphArgument a : f.arguments()) {
          description(out, a.description(), "    ");
          out.append("    ").append(inputValue(a)).append('\n');
        }
        out.append("  )");
      } else {
        out.append('(')
            .append(
                f.arguments().stream()
                    .map(TypePrinter::inputValue)
                    .collect(Collectors.joining(", ")))
            .append(')');
      }
    }
    out.append(": ").append(f.type()).append(directives(f.directives())).append('\n');
  }

  private static String inputValue(SupergraphArgument a) {
    return a.name()
        + ": "
        + a.type()
        + (a.defaultValue() == null ? "" : " = " + a.defaultValue())
        + directives(a.directives());
  }

  private static String directives(List<AppliedDirective> directives) {
    return directives.stream().map(d -> " " + d.print()).collect(Collectors.joining());
  }

  /** Block string descriptions, on one line when short and plain, as graphql-js prints them. */
  private static void description(StringBuilder out, String description, String indent) {
    if (description == null) {
      return;
    }
    String escaped = description.replace("\"\"\"", "\\\"\"\"");
    if (!escaped.contains("\n") && !escaped.endsWith("\"") && !escaped.endsWith("\\")) {
      out.append(indent).append("\"\"\"").append(escaped).append("\"\"\"\n");
      return;
    }
    out.append(indent).append("\"\"\"\n");
    for (String line : escaped.split("\n", -1)) {
      out.append(line.isEmpty() ? "" : indent + line).append('\n');
    }
    out.append(indent).append("\"\"\"\n");
  }
}
