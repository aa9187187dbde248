package dev.podgraph.composition.merge;

import dev.podgraph.composition.ErrorCodes;
import dev.podgraph.composition.subgraph.Key;
import dev.podgraph.composition.subgraph.Metadata;
import dev.podgraph.composition.subgraph.SubgraphArgument;
import dev.podgraph.composition.subgraph.SubgraphField;
import dev.podgraph.composition.subgraph.SubgraphType;
import dev.podgraph.composition.subgraph.TypeKind;
import dev.podgraph.composition.subgraph.TypeRef;
import dev.podgraph.composition.supergraph.AppliedDirective;
import dev.podgraph.composition.supergraph.SupergraphArgument;
import dev.podgraph.composition.supergraph.SupergraphField;
import dev.podgraph.composition.supergraph.SupergraphType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges an object or interface type: {@code @join__type} per subgraph and key, {@code
 * @join__implements}, and every field with its {@code @join__field}s, checking sharing, external
 * and type compatibility on the way.
 */
final class CompositeTypeMerger {
  private final MergeContext ctx;
  private final InputValueMerger inputValues;

  CompositeTypeMerger(MergeContext ctx) {
    this.ctx = ctx;
    this.inputValues = new InputValueMerger(ctx);
  }

  SupergraphType merge(String typeName, TypeKind kind) {
    List<SubgraphType> sources = ctx.sources(typeName);
    List<AppliedDirective> directives = new ArrayList<>();
    Set<String> interfaces = new LinkedHashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      SubgraphType source = sources.get(i);
      if (source != null) {
        for (String itf : source.interfaces()) {
          interfaces.add(itf);
          directives.add(
              AppliedDirective.named("join__implements")
                  .literal("graph", ctx.graph(i))
                  .string("interface", itf)
                  .build());
        }
      }
    }
    for (int i = 0; i < sources.size(); i++) {
      SubgraphType source = sources.get(i);
      if (source != null) {
        directives.addAll(JoinTypes.of(ctx.graph(i), source));
      }
    }
    Metadata metadata =
        PassThrough.merge(sources.stream().map(s -> s == null ? null : s.metadata()).toList());
    // Apollo's order on a type: join__implements, join__type, then @inaccessible, then @tag.
    List<AppliedDirective> all = new ArrayList<>(directives);
    all.addAll(PassThrough.before(metadata));
    all.addAll(PassThrough.after(metadata));

    Set<String> fieldNames = new LinkedHashSet<>();
    sources.stream().filter(s -> s != null).forEach(s -> fieldNames.addAll(s.fields().keySet()));
    List<SupergraphField> fields = new ArrayList<>();
    for (String fieldName : fieldNames) {
      SupergraphField merged = mergeField(typeName, kind, fieldName, sources);
      if (merged != null) {
        fields.add(merged);
      }
    }
    return new SupergraphType(
        kind,
        typeName,
        PassThrough.description(
            sources.stream().map(s -> s == null ? null : s.description()).toList()),
        List.copyOf(interfaces),
        all,
        fields,
        List.of(),
        List.of(),
        List.of());
  }

  private SupergraphField mergeField(
      String typeName, TypeKind kind, String fieldName, List<SubgraphType> types) {
    String coordinate = typeName + "." + fieldName;
    int n = types.size();
    SubgraphField[] sources = new SubgraphField[n];
    for (int i = 0; i < n; i++) {
      sources[i] = types.get(i) == null ? null : types.get(i).fields().get(fieldName);
    }
    Overrides overrides = Overrides.of(ctx, typeName, fieldName, sources);

    List<String> definedIn = new ArrayList<>();
    boolean allExternal = true;
    for (int i = 0; i < n; i++) {
      if (sources[i] != null) {
        definedIn.add(ctx.name(i));
        allExternal &= sources[i].external();
      }
    }
    if (allExternal) {
      ctx.error(
          ErrorCodes.EXTERNAL_MISSING_ON_BASE,
          "Field \""
              + coordinate
              + "\" is marked @external on all the subgraphs in which it is listed ("
              + Subgraphs.list(definedIn)
              + ").");
      return null;
    }
    if (kind == TypeKind.OBJECT && !typeName.equals("Subscription")) {
      validateSharing(coordinate, sources, overrides);
    }

    // Types, arguments and descriptions come from the subgraphs that resolve the field.
    Map<Integer, SubgraphField> resolving = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      if (sources[i] != null && !sources[i].external()) {
        resolving.put(i, sources[i]);
      }
    }
    List<TypeRef> resolvingTypes = resolving.values().stream().map(SubgraphField::type).toList();
    boolean allTypesEqual = resolvingTypes.stream().distinct().count() == 1;
    TypeRef type = ctx.typeRefs.merge(resolvingTypes, false);
    if (type == null) {
      Map<String, List<String>> byType = new LinkedHashMap<>();
      resolving.forEach(
          (i, f) ->
              byType
                  .computeIfAbsent("type \"" + f.type() + "\"", k -> new ArrayList<>())
                  .add(ctx.name(i)));
      ctx.error(
          ErrorCodes.FIELD_TYPE_MISMATCH,
          "Type of field \""
              + coordinate
              + "\" is incompatible across subgraphs: "
              + Subgraphs.mismatch(byType));
      type = resolvingTypes.getFirst();
    }
    validateExternalTypes(coordinate, sources, type, allTypesEqual);

    List<Map<String, SubgraphArgument>> argsBySubgraph = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SubgraphField f = resolving.get(i);
      if (f == null) {
        argsBySubgraph.add(null);
      } else {
        Map<String, SubgraphArgument> args = new LinkedHashMap<>();
        f.arguments().forEach(a -> args.put(a.name(), a));
        argsBySubgraph.add(args);
      }
    }
    List<SupergraphArgument> arguments =
        inputValues.merge(coordinate, argsBySubgraph, false, false);

    Metadata metadata =
        PassThrough.merge(resolving.values().stream().map(SubgraphField::metadata).toList());
    List<AppliedDirective> directives = new ArrayList<>(PassThrough.before(metadata));
    if (needsJoinField(typeName, sources, overrides, allTypesEqual)) {
      for (int i = 0; i < n; i++) {
        SubgraphField f = sources[i];
        if (f == null || (overrides.unusedOverridden(i) && overrides.label(i) == null)) {
          continue;
        }
        directives.add(
            AppliedDirective.named("join__field")
                .literal("graph", ctx.graph(i))
                .string("requires", f.requires())
                .string("provides", f.provides())
                .string("type", allTypesEqual ? null : f.type().toString())
                .flag("external", f.external())
                .string("override", f.overrideFrom())
                .flag("usedOverridden", overrides.usedOverridden(i))
                .string("overrideLabel", overrides.label(i))
                .build());
      }
    }
    directives.addAll(PassThrough.after(metadata));
    return new SupergraphField(
        fieldName,
        PassThrough.description(
            resolving.values().stream().map(SubgraphField::description).toList()),
        type,
        arguments,
        directives);
  }

  /**
   * Apollo leaves {@code @join__field} out when every subgraph that has the type resolves the field
   * the same plain way; a subgraph that has the type but not the field forces it.
   */
  private boolean needsJoinField(
      String typeName, SubgraphField[] sources, Overrides overrides, boolean allTypesEqual) {
    if (!allTypesEqual || overrides.any()) {
      return true;
    }
    for (int i = 0; i < sources.length; i++) {
      SubgraphField f = sources[i];
      if (f != null && !overrides.unusedOverridden(i)) {
        if (f.external() || f.requires() != null || f.provides() != null) {
          return true;
        }
      } else if (ctx.subgraphs.get(i).type(typeName) != null) {
        return true;
      }
    }
    return false;
  }

  private void validateSharing(String coordinate, SubgraphField[] sources, Overrides overrides) {
    List<String> resolving = new ArrayList<>();
    List<String> shareable = new ArrayList<>();
    List<String> nonShareable = new ArrayList<>();
    for (int i = 0; i < sources.length; i++) {
      SubgraphField f = sources[i];
      if (f == null || overrides.unusedOverridden(i) || overrides.usedOverridden(i)) {
        continue;
      }
      boolean fullyExternal = f.external() && !ctx.providedFields.get(i).contains(coordinate);
      if (fullyExternal) {
        continue;
      }
      resolving.add(ctx.name(i));
      (ctx.shareableFields.get(i).contains(coordinate) ? shareable : nonShareable).add(ctx.name(i));
    }
    if (!nonShareable.isEmpty() && (!shareable.isEmpty() || nonShareable.size() > 1)) {
      ctx.error(
          ErrorCodes.INVALID_FIELD_SHARING,
          "Non-shareable field \""
              + coordinate
              + "\" is resolved from multiple subgraphs: it is resolved from "
              + Subgraphs.list(resolving)
              + " and defined as non-shareable in "
              + (shareable.isEmpty() ? "all of them" : Subgraphs.list(nonShareable)));
    }
  }

  private void validateExternalTypes(
      String coordinate, SubgraphField[] sources, TypeRef merged, boolean allTypesEqual) {
    Map<String, List<String>> byType = new LinkedHashMap<>();
    boolean invalid = false;
    for (int i = 0; i < sources.length; i++) {
      SubgraphField f = sources[i];
      if (f == null) {
        continue;
      }
      byType.computeIfAbsent("type \"" + f.type() + "\"", k -> new ArrayList<>()).add(ctx.name(i));
      if (f.external()
          && !(f.type().equals(merged)
              || (!allTypesEqual && ctx.typeRefs.isSubtype(merged, f.type())))) {
        invalid = true;
      }
    }
    if (invalid) {
      ctx.error(
          ErrorCodes.EXTERNAL_TYPE_MISMATCH,
          "Type of field \""
              + coordinate
              + "\" is incompatible across subgraphs (where marked @external): "
              + Subgraphs.mismatch(byType));
    }
  }

  /** The {@code @join__type}s of one subgraph's definition: one per key, or one without key. */
  static final class JoinTypes {
    private JoinTypes() {}

    static List<AppliedDirective> of(String graph, SubgraphType source) {
      List<AppliedDirective> out = new ArrayList<>();
      if (source.keys().isEmpty()) {
        out.add(
            AppliedDirective.named("join__type")
                .literal("graph", graph)
                .flag("isInterfaceObject", source.interfaceObject())
                .build());
      }
      for (Key key : source.keys()) {
        out.add(
            AppliedDirective.named("join__type")
                .literal("graph", graph)
                .string("key", key.fields())
                .flag("extension", key.onExtension())
                .literal("resolvable", key.resolvable() ? null : "false")
                .flag("isInterfaceObject", source.interfaceObject())
                .build());
      }
      return out;
    }
  }
}
