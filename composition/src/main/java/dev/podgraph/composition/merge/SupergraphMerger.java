package dev.podgraph.composition.merge;

import dev.podgraph.composition.CompositionError;
import dev.podgraph.composition.ErrorCodes;
import dev.podgraph.composition.subgraph.Subgraph;
import dev.podgraph.composition.subgraph.SubgraphArgument;
import dev.podgraph.composition.subgraph.SubgraphField;
import dev.podgraph.composition.subgraph.SubgraphType;
import dev.podgraph.composition.subgraph.TypeKind;
import dev.podgraph.composition.supergraph.AppliedDirective;
import dev.podgraph.composition.supergraph.JoinGraph;
import dev.podgraph.composition.supergraph.Supergraph;
import dev.podgraph.composition.supergraph.SupergraphField;
import dev.podgraph.composition.supergraph.SupergraphType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Merges normalized, validated subgraphs into a {@link Supergraph}, or reports why not. */
public final class SupergraphMerger {
  private SupergraphMerger() {}

  /** Returns the supergraph, or null after adding to {@code errors}. */
  public static Supergraph merge(List<Subgraph> subgraphs, List<CompositionError> errors) {
    int errorsBefore = errors.size();
    List<String> graphNames = GraphNames.of(subgraphs.stream().map(Subgraph::name).toList());
    Map<String, TypeKind> kinds = kinds(subgraphs, errors);
    validateInterfaceObjects(subgraphs, kinds, errors);
    MergeContext ctx =
        new MergeContext(subgraphs, graphNames, new TypeRefs(subtypes(subgraphs)), kinds, errors);
    Map<String, LeafTypeMerger.EnumUsage> enumUsages = enumUsages(subgraphs, kinds);

    CompositeTypeMerger composites = new CompositeTypeMerger(ctx);
    LeafTypeMerger leaves = new LeafTypeMerger(ctx);
    Map<String, SupergraphType> types = new LinkedHashMap<>();
    kinds.forEach(
        (name, kind) ->
            types.put(
                name,
                switch (kind) {
                  case OBJECT, INTERFACE -> composites.merge(name, kind);
                  case UNION -> leaves.union(name);
                  case ENUM ->
                      leaves.enumType(
                          name, enumUsages.getOrDefault(name, LeafTypeMerger.EnumUsage.UNUSED));
                  case INPUT_OBJECT -> leaves.inputObject(name);
                  case SCALAR -> leaves.scalar(name);
                }));
    addInterfaceObjectFields(subgraphs, types);
    if (errors.size() == errorsBefore) {
      InaccessibleValidator.validate(List.copyOf(types.values()), errors);
    }
    if (errors.size() == errorsBefore) {
      Satisfiability satisfiability = new Satisfiability(ctx);
      kinds.forEach(
          (name, kind) -> {
            if (kind == TypeKind.OBJECT) {
              satisfiability.check(name);
            }
          });
    }
    if (!types.containsKey("Query") || types.get("Query").fields().isEmpty()) {
      errors.add(
          new CompositionError(
              ErrorCodes.NO_QUERIES,
              "No queries found in any subgraph: a supergraph must have a query root type."));
    }
    if (errors.size() > errorsBefore) {
      return null;
    }
    List<JoinGraph> graphs = new ArrayList<>();
    for (int i = 0; i < subgraphs.size(); i++) {
      graphs.add(new JoinGraph(graphNames.get(i), subgraphs.get(i).name(), subgraphs.get(i).url()));
    }
    List<SupergraphType> merged = List.copyOf(types.values());
    return new Supergraph(
        joinVersion(subgraphs), graphs, uses(merged, "tag"), uses(merged, "inaccessible"), merged);
  }

  /**
   * join v0.3 for federation 2.0-2.6, v0.4 for 2.7, v0.5 from 2.8; a fed1 subgraph counts as 2.0,
   * the version Apollo upgrades it to.
   */
  static String joinVersion(List<Subgraph> subgraphs) {
    int max = subgraphs.stream().mapToInt(s -> s.fed2() ? s.federationMinor() : 0).max().orElse(0);
    return max < 7 ? "0.3" : max == 7 ? "0.4" : "0.5";
  }

  private static Map<String, TypeKind> kinds(
      List<Subgraph> subgraphs, List<CompositionError> errors) {
    Map<String, TypeKind> kinds = new LinkedHashMap<>();
    Map<String, Map<String, List<String>>> seen = new LinkedHashMap<>();
    for (Subgraph s : subgraphs) {
      for (SubgraphType t : s.types().values()) {
        kinds.putIfAbsent(t.name(), t.supergraphKind());
        seen.computeIfAbsent(t.name(), k -> new LinkedHashMap<>())
            .computeIfAbsent(t.supergraphKind().label(), k -> new ArrayList<>())
            .add(s.name());
      }
    }
    seen.forEach(
        (name, byKind) -> {
          if (byKind.size() > 1) {
            errors.add(
                new CompositionError(
                    ErrorCodes.TYPE_KIND_MISMATCH,
                    "Type \""
                        + name
                        + "\" has mismatched kind: it is defined as "
                        + Subgraphs.mismatch(byKind).substring("it has ".length())));
          }
        });
    return kinds;
  }

  /** An {@code @interfaceObject} stands for an interface that another subgraph defines. */
  private static void validateInterfaceObjects(
      List<Subgraph> subgraphs, Map<String, TypeKind> kinds, List<CompositionError> errors) {
    for (Subgraph s : subgraphs) {
      for (SubgraphType t : s.types().values()) {
        if (!t.interfaceObject()) {
          continue;
        }
        boolean definedAsInterface =
            subgraphs.stream()
                .map(o -> o.type(t.name()))
                .anyMatch(o -> o != null && o.kind() == TypeKind.INTERFACE);
        if (!definedAsInterface) {
          errors.add(
              new CompositionError(
                  ErrorCodes.INTERFACE_OBJECT_USAGE_ERROR,
                  "Type \""
                      + t.name()
                      + "\" is declared with @interfaceObject in subgraph \""
                      + s.name()
                      + "\" but is not implemented by any entity type in any subgraph, nor"
                      + " defined as an interface in another subgraph."));
        }
        for (SubgraphType other : s.types().values()) {
          if (other.interfaces().contains(t.name())) {
            errors.add(
                new CompositionError(
                    ErrorCodes.INTERFACE_OBJECT_USAGE_ERROR,
                    "["
                        + s.name()
                        + "] Interface type \""
                        + t.name()
                        + "\" is defined as an @interfaceObject in subgraph \""
                        + s.name()
                        + "\" so that subgraph should not define any of the implementation types of \""
                        + t.name()
                        + "\", but it defines type \""
                        + other.name()
                        + "\""));
          }
        }
      }
    }
  }

  /** For each interface and union, the types that may stand for it (across all subgraphs). */
  private static Map<String, Set<String>> subtypes(List<Subgraph> subgraphs) {
    Map<String, Set<String>> out = new HashMap<>();
    for (Subgraph s : subgraphs) {
      for (SubgraphType t : s.types().values()) {
        t.interfaces().forEach(i -> out.computeIfAbsent(i, k -> new HashSet<>()).add(t.name()));
        t.unionMembers().forEach(m -> out.computeIfAbsent(t.name(), k -> new HashSet<>()).add(m));
      }
    }
    return out;
  }

  private static Map<String, LeafTypeMerger.EnumUsage> enumUsages(
      List<Subgraph> subgraphs, Map<String, TypeKind> kinds) {
    Map<String, String> inputs = new HashMap<>();
    Map<String, String> outputs = new HashMap<>();
    for (Subgraph s : subgraphs) {
      for (SubgraphType t : s.types().values()) {
        for (SubgraphField f : t.fields().values()) {
          String coordinate = t.name() + "." + f.name();
          outputs.putIfAbsent(f.type().baseName(), coordinate);
          f.arguments()
              .forEach(
                  a -> inputs.putIfAbsent(a.type().baseName(), coordinate + "(" + a.name() + ":)"));
        }
        for (SubgraphArgument f : t.inputFields().values()) {
          inputs.putIfAbsent(f.type().baseName(), t.name() + "." + f.name());
        }
      }
    }
    Map<String, LeafTypeMerger.EnumUsage> out = new HashMap<>();
    kinds.forEach(
        (name, kind) -> {
          if (kind == TypeKind.ENUM) {
            out.put(name, new LeafTypeMerger.EnumUsage(inputs.get(name), outputs.get(name)));
          }
        });
    return out;
  }

  /**
   * A field that a subgraph adds to an interface through {@code @interfaceObject} exists on every
   * implementation too; no subgraph resolves it there directly, hence the bare
   * {@code @join__field}.
   */
  private static void addInterfaceObjectFields(
      List<Subgraph> subgraphs, Map<String, SupergraphType> types) {
    Set<String> interfaceObjects = new LinkedHashSet<>();
    subgraphs.forEach(
        s ->
            s.types().values().stream()
                .filter(SubgraphType::interfaceObject)
                .forEach(t -> interfaceObjects.add(t.name())));
    for (String itfName : interfaceObjects) {
      SupergraphType itf = types.get(itfName);
      if (itf == null) {
        continue;
      }
      for (Map.Entry<String, SupergraphType> e : types.entrySet()) {
        SupergraphType impl = e.getValue();
        if (impl.kind() != TypeKind.OBJECT || !impl.interfaces().contains(itfName)) {
          continue;
        }
        List<SupergraphField> fields = new ArrayList<>(impl.fields());
        Set<String> names = new HashSet<>();
        fields.forEach(f -> names.add(f.name()));
        for (SupergraphField f : itf.fields()) {
          if (!names.contains(f.name())) {
            fields.add(
                new SupergraphField(
                    f.name(),
                    f.description(),
                    f.type(),
                    f.arguments(),
                    List.of(AppliedDirective.named("join__field").build())));
          }
        }
        e.setValue(
            new SupergraphType(
                impl.kind(),
                impl.name(),
                impl.description(),
                impl.interfaces(),
                impl.directives(),
                fields,
                impl.inputFields(),
                impl.unionMembers(),
                impl.values()));
      }
    }
  }

  private static boolean uses(List<SupergraphType> types, String directive) {
    for (SupergraphType t : types) {
      if (has(t.directives(), directive)) {
        return true;
      }
      for (SupergraphField f : t.fields()) {
        if (has(f.directives(), directive)
            || f.arguments().stream().anyMatch(a -> has(a.directives(), directive))) {
          return true;
        }
      }
      if (t.inputFields().stream().anyMatch(a -> has(a.directives(), directive))
          || t.values().stream().anyMatch(v -> has(v.directives(), directive))) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(List<AppliedDirective> directives, String name) {
    return directives.stream().anyMatch(d -> d.name().equals(name));
  }
}
