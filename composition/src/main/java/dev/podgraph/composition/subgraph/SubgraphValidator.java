package dev.podgraph.composition.subgraph;

import dev.podgraph.composition.CompositionError;
import dev.podgraph.composition.ErrorCodes;
import java.util.List;
import java.util.Set;

/**
 * Checks of one subgraph on its own: the field sets of {@code @key}, {@code @requires} and {@code
 * @provides} select existing fields of allowed types, externals are used, overrides name another
 * subgraph. Messages start with {@code [subgraph]} like Apollo's.
 */
public final class SubgraphValidator {
  private static final Set<String> BUILT_IN_SCALARS =
      Set.of("String", "Int", "Float", "Boolean", "ID");
  private final Subgraph subgraph;
  private final List<CompositionError> errors;

  private SubgraphValidator(Subgraph subgraph, List<CompositionError> errors) {
    this.subgraph = subgraph;
    this.errors = errors;
  }

  public static void validate(Subgraph subgraph, List<CompositionError> errors) {
    new SubgraphValidator(subgraph, errors).validate();
  }

  /**
   * A type only ever declared as an extension ({@code extend type} or {@code @extends}) has no
   * owner. Checked before the fed1 upgrade forgets which types were extensions. Root types are
   * exempt: every subgraph has them.
   */
  public static void validateExtensionsHaveBase(
      List<Subgraph> subgraphs, List<CompositionError> errors) {
    for (Subgraph subgraph : subgraphs) {
      for (SubgraphType type : subgraph.types().values()) {
        if (!type.extension()
            || Set.of("Query", "Mutation", "Subscription").contains(type.name())) {
          continue;
        }
        // Apollo checks fed1 subgraphs before upgrading them and fed2 ones after, when every fed1
        // type has become a definition.
        boolean baseSomewhere =
            subgraphs.stream()
                .anyMatch(
                    s -> {
                      SubgraphType t = s.type(type.name());
                      return t != null && (!t.extension() || (subgraph.fed2() && !s.fed2()));
                    });
        if (!baseSomewhere) {
          errors.add(
              new CompositionError(
                  ErrorCodes.EXTENSION_WITH_NO_BASE,
                  "["
                      + subgraph.name()
                      + "] Type \""
                      + type.name()
                      + "\" is an extension type, but there is no type definition for \""
                      + type.name()
                      + "\" in any subgraph."));
        }
      }
    }
  }

  private void validate() {
    validateTypeReferences();
    Set<String> used = UsedFields.of(subgraph);
    for (SubgraphType type : subgraph.types().values()) {
      for (Key key : type.keys()) {
        validateKey(type, key);
      }
      for (SubgraphField field : type.fields().values()) {
        String coordinate = type.name() + "." + field.name();
        if (field.requires() != null && subgraph.fed2()) {
          validateRequires(type, field);
        }
        if (field.provides() != null && subgraph.fed2()) {
          validateProvides(type, field);
        }
        if (subgraph.fed2() && field.external() && !used.contains(coordinate)) {
          error(
              ErrorCodes.EXTERNAL_UNUSED,
              "Field \""
                  + coordinate
                  + "\" is marked @external but is not used in any federation directive (@key,"
                  + " @provides, @requires) or to satisfy an interface; the field declaration has"
                  + " no use and should be removed (or the field should not be @external).");
        }
        if (subgraph.name().equals(field.overrideFrom())) {
          errors.add(
              new CompositionError(
                  ErrorCodes.OVERRIDE_FROM_SELF_ERROR,
                  "Source and destination subgraphs \""
                      + subgraph.name()
                      + "\" are the same for overridden field \""
                      + coordinate
                      + "\""));
        }
      }
    }
  }

  /** Every type a field, argument, interface list or union names must exist (as GraphQL says). */
  private void validateTypeReferences() {
    Set<String> unknown = new java.util.LinkedHashSet<>();
    for (SubgraphType type : subgraph.types().values()) {
      for (SubgraphField field : type.fields().values()) {
        checkExists(field.type().baseName(), unknown);
        field.arguments().forEach(a -> checkExists(a.type().baseName(), unknown));
      }
      type.inputFields().values().forEach(f -> checkExists(f.type().baseName(), unknown));
      type.interfaces().forEach(i -> checkExists(i, unknown));
      type.unionMembers().forEach(m -> checkExists(m, unknown));
    }
    unknown.forEach(name -> error(ErrorCodes.INVALID_GRAPHQL, "Unknown type " + name));
  }

  private void checkExists(String typeName, Set<String> unknown) {
    if (subgraph.type(typeName) == null && !BUILT_IN_SCALARS.contains(typeName)) {
      unknown.add(typeName);
    }
  }

  private void validateKey(SubgraphType type, Key key) {
    String where = "On type \"" + type.name() + "\", for @key(fields: \"" + key.fields() + "\"): ";
    for (FieldSet.Target t :
        targets(type.name(), key.fields(), ErrorCodes.KEY_INVALID_FIELDS, where)) {
      if (t.definition() == null) {
        error(ErrorCodes.KEY_INVALID_FIELDS, where + unknownField(t));
        continue;
      }
      if (!t.definition().arguments().isEmpty()) {
        error(
            ErrorCodes.KEY_FIELDS_HAS_ARGS,
            where
                + "field "
                + t.coordinate()
                + " cannot be included because it has arguments"
                + " (fields with argument are not allowed in @key)");
      }
      String invalidKind = invalidKeyKind(t.definition().type());
      if (invalidKind != null) {
        error(
            ErrorCodes.KEY_FIELDS_SELECT_INVALID_TYPE,
            where
                + "field \""
                + t.coordinate()
                + "\" is a "
                + invalidKind
                + " type which is not allowed in @key");
      }
    }
  }

  private String invalidKeyKind(TypeRef type) {
    if (type.isList()) {
      return "List";
    }
    SubgraphType target = subgraph.type(type.baseName());
    if (target == null) {
      return null;
    }
    return switch (target.supergraphKind()) {
      case INTERFACE -> "Interface";
      case UNION -> "Union";
      default -> null;
    };
  }

  private void validateRequires(SubgraphType type, SubgraphField field) {
    String where =
        "On field \""
            + type.name()
            + "."
            + field.name()
            + "\", for @requires(fields: \""
            + field.requires()
            + "\"): ";
    for (FieldSet.Target t :
        targets(type.name(), field.requires(), ErrorCodes.REQUIRES_INVALID_FIELDS, where)) {
      if (t.definition() == null) {
        error(ErrorCodes.REQUIRES_INVALID_FIELDS, where + unknownField(t));
      } else if (mustBeExternal(t)) {
        error(
            ErrorCodes.REQUIRES_FIELDS_MISSING_EXTERNAL,
            where
                + "field \""
                + t.coordinate()
                + "\" should not be part of a @requires since it is already provided by this"
                + " subgraph (it is not marked @external)");
      }
    }
  }

  private void validateProvides(SubgraphType type, SubgraphField field) {
    String where =
        "On field \""
            + type.name()
            + "."
            + field.name()
            + "\", for @provides(fields: \""
            + field.provides()
            + "\"): ";
    SubgraphType returned = subgraph.type(field.type().baseName());
    if (returned == null
        || returned.kind() == TypeKind.SCALAR
        || returned.kind() == TypeKind.ENUM) {
      error(
          ErrorCodes.PROVIDES_ON_NON_OBJECT_FIELD,
          "Invalid @provides directive on field \""
              + type.name()
              + "."
              + field.name()
              + "\": field has type \""
              + field.type()
              + "\" which is not a Composite Type");
      return;
    }
    String target = returned.name();
    for (FieldSet.Target t :
        targets(target, field.provides(), ErrorCodes.PROVIDES_INVALID_FIELDS, where)) {
      if (t.definition() == null) {
        error(ErrorCodes.PROVIDES_INVALID_FIELDS, where + unknownField(t));
      } else if (mustBeExternal(t)) {
        error(
            ErrorCodes.PROVIDES_FIELDS_MISSING_EXTERNAL,
            where
                + "field \""
                + t.coordinate()
                + "\" should not be part of a @provides since it is already provided by this"
                + " subgraph (it is not marked @external)");
      }
    }
  }

  /**
   * A field that {@code @requires} or {@code @provides} selects as a leaf must be external, unless
   * a field above it already is (its sub-fields then come from elsewhere too).
   */
  private static boolean mustBeExternal(FieldSet.Target t) {
    return t.leaf() && !t.externalAncestor() && !t.definition().external();
  }

  private List<FieldSet.Target> targets(
      String parent, String fieldSet, String invalidCode, String where) {
    try {
      return FieldSet.targets(subgraph, parent, fieldSet);
    } catch (FieldSet.InvalidFieldSetException e) {
      error(invalidCode, where + e.getMessage());
      return List.of();
    }
  }

  private static String unknownField(FieldSet.Target t) {
    return "Cannot query field \""
        + t.selection().getName()
        + "\" on type \""
        + t.parentType()
        + "\" (the field should either be added to this subgraph or, if it should not be"
        + " resolved by this subgraph, you need to add it to this subgraph with @external).";
  }

  private void error(String code, String message) {
    errors.add(new CompositionError(code, "[" + subgraph.name() + "] " + message));
  }
}
