package dev.podgraph.composition.subgraph;

import dev.podgraph.composition.supergraph.AppliedDirective;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import java.util.stream.Collectors;

/**
 * Prints a default value as graphql-js does ({@code {a: 1, tags: ["x"]}}): graphql-java's printer
 * writes {@code {a : 1}}, which would make our supergraph differ from Apollo's text.
 */
final class ValuePrinter {
  private ValuePrinter() {}

  static String print(Value<?> value) {
    return switch (value) {
      case StringValue s -> AppliedDirective.quote(s.getValue());
      case IntValue i -> i.getValue().toString();
      case FloatValue f -> f.getValue().toString();
      case BooleanValue b -> Boolean.toString(b.isValue());
      case NullValue n -> "null";
      case EnumValue e -> e.getName();
      case ArrayValue a ->
          a.getValues().stream()
              .map(ValuePrinter::print)
              .collect(Collectors.joining(", ", "[", "]"));
      case ObjectValue o ->
          o.getObjectFields().stream()
              .map(f -> f.getName() + ": " + print(f.getValue()))
              .collect(Collectors.joining(", ", "{", "}"));
      default -> graphql.language.AstPrinter.printAst(value);
    };
  }
}
