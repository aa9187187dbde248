package dev.podgraph.composition.supergraph;

import java.util.ArrayList;
import java.util.List;

/** A directive application in the supergraph, its arguments already printed as GraphQL values. */
public record AppliedDirective(String name, List<Arg> args) {
  /** One argument; {@code value} is a GraphQL literal ({@code "id"}, {@code true}, {@code A}). */
  public record Arg(String name, String value) {}

  public AppliedDirective {
    args = List.copyOf(args);
  }

  public static Builder named(String name) {
    return new Builder(name);
  }

  public String print() {
    if (args.isEmpty()) {
      return "@" + name;
    }
    StringBuilder out = new StringBuilder("@").append(name).append('(');
    for (int i = 0; i < args.size(); i++) {
      out.append(i == 0 ? "" : ", ")
          .append(args.get(i).name())
          .append(": ")
          .append(args.get(i).value());
    }
    return out.append(')').toString();
  }

  /** Builds an application, leaving out arguments whose value is absent (null). */
  public static final class Builder {
    private final String name;
    private final List<Arg> args = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder string(String arg, String value) {
      if (value != null) {
        args.add(new Arg(arg, quote(value)));
      }
      return this;
    }

    public Builder literal(String arg, String value) {
      if (value != null) {
        args.add(new Arg(arg, value));
      }
      return this;
    }

    /** Adds {@code arg: true} only when the flag is set: false is every such argument's default. */
    public Builder flag(String arg, boolean value) {
      if (value) {
        args.add(new Arg(arg, "true"));
      }
      return this;
    }

    public AppliedDirective build() {
      return new AppliedDirective(name, args);
    }
  }

  /** A GraphQL string literal. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
