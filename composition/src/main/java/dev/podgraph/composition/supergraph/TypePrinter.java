package dev.podgraph.composition.supergraph;

import java.util.List;
import java.util.stream.Collectors;

/** Prints one merged type in Apollo's layout. */
final class TypePrinter {
  private TypePrinter() {}

  static String print(SupergraphType type) {
    StringBuilder out = new StringBuilder();
    description(out, type.description(), "", true);
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
        boolean first = true;
        for (SupergraphField f : type.fields()) {
          field(out, f, first);
          first = false;
        }
        out.append('}');
      }
      case INPUT_OBJECT -> {
        out.append(type.directives().isEmpty() ? " {\n" : "\n{\n");
        boolean first = true;
        for (SupergraphArgument f : type.inputFields()) {
          description(out, f.description(), "  ", first);
          out.append("  ").append(inputValue(f)).append('\n');
          first = false;
        }
        out.append('}');
      }
      case ENUM -> {
        out.append(type.directives().isEmpty() ? " {\n" : "\n{\n");
        boolean first = true;
        for (SupergraphEnumValue v : type.values()) {
          description(out, v.description(), "  ", first);
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

  private static void field(StringBuilder out, SupergraphField f, boolean firstInBlock) {
    description(out, f.description(), "  ", firstInBlock);
    out.append("  ").append(f.name());
    if (!f.arguments().isEmpty()) {
      boolean multiline = f.arguments().stream().anyMatch(a -> a.description() != null);
      if (multiline) {
        out.append("(\n");
        boolean first = true;
        for (SupergraphArgument a : f.arguments()) {
          description(out, a.description(), "    ", first);
          out.append("    ").append(inputValue(a)).append('\n');
          first = false;
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

  /**
   * Prints a description as Apollo's printer does: a block string, on several lines when the text
   * has several, is longer than 70 characters or ends with a quote or backslash; inside a block,
   * every described element but the first is preceded by an empty line.
   */
  private static void description(
      StringBuilder out, String description, String indent, boolean firstInBlock) {
    if (description == null) {
      return;
    }
    boolean singleLine = description.indexOf('\n') < 0;
    boolean multipleLines =
        !singleLine
            || description.endsWith("\"")
            || description.endsWith("\\")
            || description.length() > 70;
    boolean leadingSpace = description.startsWith(" ") || description.startsWith("\t");
    StringBuilder block = new StringBuilder();
    if (multipleLines && !(singleLine && leadingSpace)) {
      block.append('\n');
    }
    block.append(description);
    if (multipleLines) {
      block.append('\n');
    }
    String text = ("\"\"\"" + block + "\"\"\"").replace("\n", "\n" + indent);
    if (!indent.isEmpty() && !firstInBlock) {
      out.append('\n');
    }
    out.append(indent).append(escapeTripleQuotes(text)).append('\n');
  }

  private static String escapeTripleQuotes(String block) {
    String inner = block.substring(3, block.length() - 3);
    return "\"\"\"" + inner.replace("\"\"\"", "\\\"\"\"") + "\"\"\"";
  }
}
