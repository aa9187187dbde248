package dev.podgraph.composition.merge;

import dev.podgraph.composition.CompositionError;
import dev.podgraph.composition.ErrorCodes;
import dev.podgraph.composition.supergraph.AppliedDirective;
import dev.podgraph.composition.supergraph.SupergraphArgument;
import dev.podgraph.composition.supergraph.SupergraphField;
import dev.podgraph.composition.supergraph.SupergraphType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The API schema (what clients see once {@code @inaccessible} elements are removed) must still be
 * valid: nothing visible may reference a hidden type, and no visible type may be left empty.
 */
final class InaccessibleValidator {
  private InaccessibleValidator() {}

  static void validate(List<SupergraphType> types, List<CompositionError> errors) {
    Set<String> hidden = new HashSet<>();
    types.stream().filter(t -> inaccessible(t.directives())).forEach(t -> hidden.add(t.name()));
    for (SupergraphType type : types) {
      if (hidden.contains(type.name())) {
        continue;
      }
      for (SupergraphField f : type.fields()) {
        if (inaccessible(f.directives())) {
          continue;
        }
        String coordinate = type.name() + "." + f.name();
        referenced(f.type().baseName(), coordinate, hidden, errors);
        for (SupergraphArgument a : f.arguments()) {
          if (!inaccessible(a.directives())) {
            referenced(a.type().baseName(), coordinate + "(" + a.name() + ":)", hidden, errors);
          }
        }
      }
      for (SupergraphArgument f : type.inputFields()) {
        if (!inaccessible(f.directives())) {
          referenced(f.type().baseName(), type.name() + "." + f.name(), hidden, errors);
        }
      }
      String children = onlyInaccessibleChildren(type);
      if (children != null) {
        errors.add(
            new CompositionError(
                ErrorCodes.ONLY_INACCESSIBLE_CHILDREN,
                "Type \""
                    + type.name()
                    + "\" is in the API schema but all of its "
                    + children
                    + " are @inaccessible."));
      }
    }
  }

  private static String onlyInaccessibleChildren(SupergraphType type) {
    return switch (type.kind()) {
      case OBJECT, INTERFACE ->
          !type.fields().isEmpty()
                  && type.fields().stream().allMatch(f -> inaccessible(f.directives()))
              ? "fields"
              : null;
      case INPUT_OBJECT ->
          !type.inputFields().isEmpty()
                  && type.inputFields().stream().allMatch(f -> inaccessible(f.directives()))
              ? "input fields"
              : null;
      case ENUM ->
          !type.values().isEmpty()
                  && type.values().stream().allMatch(v -> inaccessible(v.directives()))
              ? "values"
              : null;
      case UNION, SCALAR -> null;
    };
  }

  private static void referenced(
      String typeName, String referencer, Set<String> hidden, List<CompositionError> errors) {
    if (hidden.contains(typeName)) {
      errors.add(
          new CompositionError(
              ErrorCodes.REFERENCED_INACCESSIBLE,
              "Type \""
                  + typeName
                  + "\" is @inaccessible but is referenced by \""
                  + referencer
                  + "\", which is in the API schema."));
    }
  }

  private static boolean inaccessible(List<AppliedDirective> directives) {
    return directives.stream().anyMatch(d -> d.name().equals("inaccessible"));
  }
}
