package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.FieldInSubgraph;
import dev.podgraph.gateway.supergraph.FieldModel;
import dev.podgraph.gateway.supergraph.Key;
import dev.podgraph.gateway.supergraph.Supergraph;
import dev.podgraph.gateway.supergraph.TypeInSubgraph;
import dev.podgraph.gateway.supergraph.TypeKind;
import dev.podgraph.gateway.supergraph.TypeModel;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the planner asks of a supergraph again and again, worked out once when the supergraph is
 * loaded: which subgraphs resolve each field by themselves, where a type can be entered by a
 * resolvable key, which object types a subgraph returns for an abstract type, and whether a
 * subgraph can give a key's fields. Immutable after construction except for memo tables filled on
 * first use (thread-safe); shared by every operation planned over the supergraph.
 */
final class SupergraphFacts {

  private final Supergraph supergraph;

  /** Type, then field: the subgraphs that resolve the field without any condition. */
  private final Map<String, Map<String, Set<String>>> resolvers;

  /** Type: the subgraphs with a resolvable key on it. */
  private final Map<String, Set<String>> enterable;

  private final Map<List<String>, List<String>> possibleTypes;
  private final Map<KeyAt, Boolean> keyAvailability;
  private final OverrideLabels overrideLabels;

  /** The progressive-override labels active for the operation planned (none in the shared one). */
  private final Set<String> activeLabels;

  private record KeyAt(String type, String subgraph, SelectionSet fields) {}

  SupergraphFacts(Supergraph supergraph) {
    this.supergraph = supergraph;
    this.resolvers = new HashMap<>();
    this.enterable = new HashMap<>();
    this.possibleTypes = new ConcurrentHashMap<>();
    this.keyAvailability = new ConcurrentHashMap<>();
    this.overrideLabels = new OverrideLabels(supergraph);
    this.activeLabels = Set.of();
    for (TypeModel type : supergraph.types().values()) {
      Map<String, Set<String>> byField = new HashMap<>();
      for (FieldModel field : type.fields().values()) {
        Set<String> subgraphs = new LinkedHashSet<>();
        for (String subgraph : supergraph.subgraphs().keySet()) {
          if (computeResolves(subgraph, type, field, Set.of())) {
            subgraphs.add(subgraph);
          }
        }
        byField.put(field.name(), Set.copyOf(subgraphs));
      }
      resolvers.put(type.name(), byField);
      Set<String> withKey = new LinkedHashSet<>();
      type.subgraphs()
          .forEach(
              (subgraph, in) -> {
                if (in.keys().stream().anyMatch(Key::resolvable)) {
                  withKey.add(subgraph);
                }
              });
      enterable.put(type.name(), Set.copyOf(withKey));
    }
  }

  /** The same facts for an operation planned with some progressive-override labels active. */
  private SupergraphFacts(SupergraphFacts shared, Set<String> activeLabels) {
    this.supergraph = shared.supergraph;
    this.resolvers = shared.resolvers;
    this.enterable = shared.enterable;
    this.possibleTypes = shared.possibleTypes;
    this.keyAvailability = shared.keyAvailability;
    this.overrideLabels = shared.overrideLabels;
    this.activeLabels = Set.copyOf(activeLabels);
  }

  SupergraphFacts withActiveLabels(Set<String> active) {
    return active.isEmpty() || overrideLabels.isEmpty() ? this : new SupergraphFacts(this, active);
  }

  OverrideLabels overrideLabels() {
    return overrideLabels;
  }

  Supergraph supergraph() {
    return supergraph;
  }

  private static boolean computeResolves(
      String subgraph, TypeModel type, FieldModel model, Set<String> activeLabels) {
    if (!type.isIn(subgraph) || model.onlyThroughInterfaceObject()) {
      return false;
    }
    if (model.perSubgraph().isEmpty()) {
      return true;
    }
    FieldInSubgraph in = model.perSubgraph().get(subgraph);
    return in != null && in.resolves() && OverrideLabels.resolves(in, activeLabels);
  }

  /**
   * True when a query to the subgraph may select the field on the type, whatever the path (a field
   * under a progressive override: as the active labels decide).
   */
  boolean resolves(String subgraph, TypeModel type, FieldModel model) {
    Set<String> subgraphs = resolvers.getOrDefault(type.name(), Map.of()).get(model.name());
    if (subgraphs == null || (!activeLabels.isEmpty() && labeled(model))) {
      return computeResolves(subgraph, type, model, activeLabels);
    }
    return subgraphs.contains(subgraph);
  }

  private static boolean labeled(FieldModel model) {
    return model.perSubgraph().values().stream().anyMatch(in -> in.overrideLabel().isPresent());
  }

  /** True when the type has a resolvable key in some subgraph (it is an entity one can enter). */
  boolean hasResolvableKey(TypeModel type) {
    return !enterable.getOrDefault(type.name(), Set.of()).isEmpty();
  }

  /** True when some subgraph that resolves the field can be entered on the type by a key. */
  boolean resolvedBehindAKey(TypeModel type, FieldModel model) {
    return enterable.getOrDefault(type.name(), Set.of()).stream()
        .anyMatch(s -> resolves(s, type, model));
  }

  /**
   * The subgraphs that could still answer a field below the current path: those of the parent's
   * candidates that resolve the field, and, on an entity, every subgraph that resolves it and can
   * be entered by a resolvable key. While a shareable field has several, only the object types all
   * of them can return are guaranteed (as Apollo's planner keeps them).
   */
  Set<String> candidatesBelow(Set<String> parent, TypeModel type, FieldModel model) {
    Set<String> result = new LinkedHashSet<>();
    Set<String> withKey = enterable.getOrDefault(type.name(), Set.of());
    for (String subgraph : supergraph.subgraphs().keySet()) {
      if (resolves(subgraph, type, model)
          && (parent.contains(subgraph) || withKey.contains(subgraph))) {
        result.add(subgraph);
      }
    }
    return result;
  }

  /** Object types the subgraph may return where it returns the abstract type. */
  List<String> possibleTypesIn(String typeName, String subgraph) {
    return possibleTypes.computeIfAbsent(
        List.of(typeName, subgraph), k -> supergraph.possibleTypesIn(typeName, subgraph));
  }

  boolean isExtension(TypeModel type, String subgraph) {
    TypeInSubgraph in = type.subgraphs().get(subgraph);
    return in != null && in.extension();
  }

  boolean isKeyField(TypeModel type, String subgraph, String fieldName) {
    return type.keys(subgraph).stream()
        .anyMatch(
            k ->
                k.fields().getSelections().stream()
                    .anyMatch(s -> s instanceof Field f && f.getName().equals(fieldName)));
  }

  /** True when the subgraph can give every field of a key without a further jump. */
  boolean keyAvailable(SelectionSet fields, TypeModel type, String subgraph) {
    return keyAvailability.computeIfAbsent(
        new KeyAt(type.name(), subgraph, fields), k -> computeKeyAvailable(fields, type, subgraph));
  }

  private boolean computeKeyAvailable(SelectionSet fields, TypeModel type, String subgraph) {
    for (Selection<?> selection : fields.getSelections()) {
      if (!(selection instanceof Field field) || field.getName().equals("__typename")) {
        continue;
      }
      Optional<FieldModel> model = type.field(field.getName());
      if (model.isEmpty()) {
        return false;
      }
      FieldInSubgraph in = model.get().perSubgraph().get(subgraph);
      boolean available =
          type.isIn(subgraph)
              && (model.get().perSubgraph().isEmpty()
                  || (in != null && (in.resolves() || in.external() || in.usedOverridden())));
      if (!available) {
        return false;
      }
      if (field.getSelectionSet() != null) {
        Optional<TypeModel> child = supergraph.findType(model.get().typeName());
        if (child.isPresent()
            && child.get().kind() == TypeKind.OBJECT
            && !keyAvailable(field.getSelectionSet(), child.get(), subgraph)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * True when another subgraph that resolves the field can be entered on the type by a resolvable
   * key whose fields the current subgraph gives; otherwise (the type is a value type there, even if
   * other subgraphs key it) the field has to be asked again through an ancestor.
   */
  boolean reachableByKey(TypeModel type, FieldModel model, String from) {
    return type.subgraphs().entrySet().stream()
        .anyMatch(
            e ->
                !e.getKey().equals(from)
                    && resolves(e.getKey(), type, model)
                    && e.getValue().keys().stream()
                        .anyMatch(k -> k.resolvable() && keyAvailable(k.fields(), type, from)));
  }

  /** Whether a fragment on {@code condition} applies to an object of type {@code objectType}. */
  boolean applies(String condition, String objectType) {
    return TypeConditions.applies(condition, objectType, supergraph);
  }
}
