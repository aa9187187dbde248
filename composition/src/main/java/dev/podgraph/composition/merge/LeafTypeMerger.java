package dev.podgraph.composition.merge;

import dev.podgraph.composition.ErrorCodes;
import dev.podgraph.composition.subgraph.Metadata;
import dev.podgraph.composition.subgraph.SubgraphArgument;
import dev.podgraph.composition.subgraph.SubgraphEnumValue;
import dev.podgraph.composition.subgraph.SubgraphType;
import dev.podgraph.composition.subgraph.TypeKind;
import dev.podgraph.composition.supergraph.AppliedDirective;
import dev.podgraph.composition.supergraph.SupergraphArgument;
import dev.podgraph.composition.supergraph.SupergraphEnumValue;
import dev.podgraph.composition.supergraph.SupergraphType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Merges the types without output fields: scalars, enums, unions and input objects. */
final class LeafTypeMerger {
  /**
   * Where an enum appears, which decides how its values merge: the first input position (argument
   * or input field) and output position (field) found, or null.
   */
  record EnumUsage(String inputExample, String outputExample) {
    static final EnumUsage UNUSED = new EnumUsage(null, null);

    boolean input() {
      return inputExample != null;
    }

    boolean output() {
      return outputExample != null;
    }
  }

  private final MergeContext ctx;
  private final InputValueMerger inputValues;

  LeafTypeMerger(MergeContext ctx) {
    this.ctx = ctx;
    this.inputValues = new InputValueMerger(ctx);
  }

  SupergraphType scalar(String name) {
    return simple(TypeKind.SCALAR, name, ctx.sources(name), List.of(), List.of(), List.of());
  }

  SupergraphType union(String name) {
    List<SubgraphType> sources = ctx.sources(name);
    Set<String> members = new LinkedHashSet<>();
    sources.stream().filter(s -> s != null).forEach(s -> members.addAll(s.unionMembers()));
    List<AppliedDirective> memberDirectives = new ArrayList<>();
    for (String member : members) {
      for (int i = 0; i < sources.size(); i++) {
        if (sources.get(i) != null && sources.get(i).unionMembers().contains(member)) {
          memberDirectives.add(
              AppliedDirective.named("join__unionMember")
                  .literal("graph", ctx.graph(i))
                  .string("member", member)
                  .build());
        }
      }
    }
    return simple(TypeKind.UNION, name, sources, memberDirectives, List.copyOf(members), List.of());
  }

  /**
   * Values merge by usage, as Apollo does: an enum only read from clients (input) keeps the values
   * all subgraphs know; one only returned (output) keeps every value; one used both ways must have
   * the same values everywhere.
   */
  SupergraphType enumType(String name, EnumUsage usage) {
    List<SubgraphType> sources = ctx.sources(name);
    Map<String, List<Integer>> graphsByValue = new LinkedHashMap<>();
    Map<String, List<SubgraphEnumValue>> definitions = new LinkedHashMap<>();
    int definingCount = 0;
    for (int i = 0; i < sources.size(); i++) {
      SubgraphType s = sources.get(i);
      if (s == null) {
        continue;
      }
      definingCount++;
      for (SubgraphEnumValue v : s.enumValues()) {
        graphsByValue.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(i);
        definitions.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(v);
      }
    }
    List<SupergraphEnumValue> values = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : graphsByValue.entrySet()) {
      boolean inAll = e.getValue().size() == definingCount;
      if (!inAll && usage.input() && !usage.output()) {
        continue;
      }
      if (!inAll && usage.input() && usage.output()) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
          if (sources.get(i) != null && !e.getValue().contains(i)) {
            missing.add(ctx.name(i));
          }
        }
        ctx.error(
            ErrorCodes.ENUM_VALUE_MISMATCH,
            "Enum type \""
                + name
                + "\" is used as both input type (for example, as type of \""
                + usage.inputExample()
                + "\") and output type (for example, as type of \""
                + usage.outputExample()
                + "\"), but value \""
                + e.getKey()
                + "\" is not defined in all the subgraphs defining \""
                + name
                + "\": \""
                + e.getKey()
                + "\" is defined in "
                + Subgraphs.list(e.getValue().stream().map(ctx::name).toList())
                + " but not in "
                + Subgraphs.list(missing));
        continue;
      }
      Metadata metadata =
          PassThrough.merge(
              definitions.get(e.getKey()).stream().map(SubgraphEnumValue::metadata).toList());
      List<AppliedDirective> directives = new ArrayList<>(PassThrough.before(metadata));
      for (int i : e.getValue()) {
        directives.add(
            AppliedDirective.named("join__enumValue").literal("graph", ctx.graph(i)).build());
      }
      directives.addAll(PassThrough.after(metadata));
      values.add(
          new SupergraphEnumValue(
              e.getKey(),
              PassThrough.description(
                  definitions.get(e.getKey()).stream()
                      .map(SubgraphEnumValue::description)
                      .toList()),
              directives));
    }
    if (values.isEmpty()) {
      ctx.error(
          ErrorCodes.EMPTY_MERGED_ENUM_TYPE,
          "None of the values of enum type \""
              + name
              + "\" are defined consistently in all the subgraphs defining that type. As only"
              + " values common to all subgraphs are merged, this would result in an empty type.");
    }
    return simple(TypeKind.ENUM, name, sources, List.of(), List.of(), values);
  }

  SupergraphType inputObject(String name) {
    List<SubgraphType> sources = ctx.sources(name);
    List<Map<String, SubgraphArgument>> fieldsBySubgraph =
        sources.stream().map(s -> s == null ? null : s.inputFields()).toList();
    List<SupergraphArgument> fields = inputValues.merge(name, fieldsBySubgraph, true, true);
    if (fields.isEmpty()) {
      ctx.error(
          ErrorCodes.EMPTY_MERGED_INPUT_TYPE,
          "None of the fields of input object type \""
              + name
              + "\" are consistently defined in all the subgraphs defining that type. As only"
              + " fields common to all subgraphs are merged, this would result in an empty type.");
    }
    SupergraphType base =
        simple(TypeKind.INPUT_OBJECT, name, sources, List.of(), List.of(), List.of());
    return new SupergraphType(
        base.kind(),
        base.name(),
        base.description(),
        List.of(),
        base.directives(),
        List.of(),
        fields,
        List.of(),
        List.of());
  }

  private SupergraphType simple(
      TypeKind kind,
      String name,
      List<SubgraphType> sources,
      List<AppliedDirective> extraJoins,
      List<String> members,
      List<SupergraphEnumValue> values) {
    Metadata metadata =
        PassThrough.merge(sources.stream().map(s -> s == null ? null : s.metadata()).toList());
    // Apollo's order on a type: join__type, @inaccessible, join__unionMember, @tag.
    List<AppliedDirective> directives = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i) != null) {
        directives.add(AppliedDirective.named("join__type").literal("graph", ctx.graph(i)).build());
      }
    }
    directives.addAll(PassThrough.before(metadata));
    directives.addAll(extraJoins);
    directives.addAll(PassThrough.after(metadata));
    return new SupergraphType(
        kind,
        name,
        PassThrough.description(
            sources.stream().map(s -> s == null ? null : s.description()).toList()),
        List.of(),
        directives,
        List.of(),
        List.of(),
        members,
        values);
  }
}
