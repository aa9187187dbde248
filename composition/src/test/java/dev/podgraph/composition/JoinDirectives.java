package dev.podgraph.composition;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.parser.Parser;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A supergraph read back semantically: for every type, field, input field and enum value (keyed
 * {@code Type}, {@code Type.field}, {@code Type.VALUE}), its type (for fields) and the set of its
 * directives, each printed with arguments sorted, so two supergraphs compare whatever the order.
 */
final class JoinDirectives {
  private JoinDirectives() {}

  static Map<String, Set<String>> of(String supergraphSdl) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Definition<?> d : Parser.parse(supergraphSdl).getDefinitions()) {
      if (!(d instanceof TypeDefinition<?> type) || isSpecType(type.getName())) {
        continue;
      }
      out.put(type.getName(), directives(type.getDirectives(), kindAndShape(type)));
      switch (type) {
        case ObjectTypeDefinition o -> fields(o.getName(), o.getFieldDefinitions(), out);
        case InterfaceTypeDefinition i -> fields(i.getName(), i.getFieldDefinitions(), out);
        case InputObjectTypeDefinition in -> {
          for (InputValueDefinition f : in.getInputValueDefinitions()) {
            out.put(
                in.getName() + "." + f.getName(),
                directives(f.getDirectives(), "type " + AstPrinter.printAst(f.getType())));
          }
        }
        case EnumTypeDefinition e -> {
          for (EnumValueDefinition v : e.getEnumValueDefinitions()) {
            out.put(e.getName() + "." + v.getName(), directives(v.getDirectives(), "value"));
          }
        }
        default -> {}
      }
    }
    return out;
  }

  /** The directives of one element, e.g. {@code JoinDirectives.on(sdl, "Episode.title")}. */
  static Set<String> on(String supergraphSdl, String coordinate) {
    return of(supergraphSdl).getOrDefault(coordinate, Set.of());
  }

  private static void fields(
      String type, List<FieldDefinition> fields, Map<String, Set<String>> out) {
    for (FieldDefinition f : fields) {
      String args =
          f.getInputValueDefinitions().stream()
              .map(a -> a.getName() + ": " + AstPrinter.printAst(a.getType()))
              .collect(Collectors.joining(", "));
      out.put(
          type + "." + f.getName(),
          directives(f.getDirectives(), "type (" + args + ") " + AstPrinter.printAst(f.getType())));
    }
  }

  private static String kindAndShape(TypeDefinition<?> type) {
    String kind = type.getClass().getSimpleName().replace("Definition", "");
    if (type instanceof ObjectTypeDefinition o && !o.getImplements().isEmpty()) {
      return kind
          + " implements "
          + o.getImplements().stream()
              .map(AstPrinter::printAst)
              .sorted()
              .collect(Collectors.joining(" & "));
    }
    return kind;
  }

  private static Set<String> directives(List<Directive> directives, String shape) {
    Set<String> out = new TreeSet<>();
    out.add(shape);
    for (Directive d : directives) {
      out.add(
          "@"
              + d.getName()
              + "("
              + d.getArguments().stream()
                  .sorted(Comparator.comparing(Argument::getName))
                  .map(a -> a.getName() + ": " + AstPrinter.printAst(a.getValue()))
                  .collect(Collectors.joining(", "))
              + ")");
    }
    return out;
  }

  private static boolean isSpecType(String name) {
    return name.startsWith("join__") || name.startsWith("link__");
  }
}
