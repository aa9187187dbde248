package dev.podgraph.composition.merge;

import dev.podgraph.composition.ErrorCodes;
import dev.podgraph.composition.subgraph.SubgraphArgument;
import dev.podgraph.composition.subgraph.TypeRef;
import dev.podgraph.composition.supergraph.AppliedDirective;
import dev.podgraph.composition.supergraph.SupergraphArgument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges input values: the arguments of one field, or the fields of one input object. Both keep
 * only the values every subgraph declares (a client may only send what all subgraphs accept); a
 * required one missing somewhere is an error. Types merge to the most specific one.
 */
final class InputValueMerger {
  private final MergeContext ctx;

  InputValueMerger(MergeContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param owner the field or input type, for messages ({@code "T.f"} or {@code "Input"})
   * @param valuesBySubgraph each subgraph's values (null where the subgraph is not a source)
   * @param inputFields merging input object fields rather than arguments
   * @param joinFields add {@code @join__field} where subgraph types differ (input object fields)
   */
  List<SupergraphArgument> merge(
      String owner,
      List<Map<String, SubgraphArgument>> valuesBySubgraph,
      boolean inputFields,
      boolean joinFields) {
    Set<String> names = new LinkedHashSet<>();
    valuesBySubgraph.stream().filter(Objects::nonNull).forEach(m -> names.addAll(m.keySet()));
    List<SupergraphArgument> out = new ArrayList<>();
    for (String name : names) {
      String coordinate = inputFields ? owner + "." + name : owner + "(" + name + ":)";
      List<String> requiredIn = new ArrayList<>();
      List<String> missingIn = new ArrayList<>();
      Map<Integer, SubgraphArgument> present = new LinkedHashMap<>();
      for (int i = 0; i < valuesBySubgraph.size(); i++) {
        Map<String, SubgraphArgument> values = valuesBySubgraph.get(i);
        if (values == null) {
          continue;
        }
        SubgraphArgument value = values.get(name);
        if (value == null) {
          missingIn.add(ctx.name(i));
        } else {
          present.put(i, value);
          if (value.required()) {
            requiredIn.add(ctx.name(i));
          }
        }
      }
      if (!missingIn.isEmpty()) {
        if (!requiredIn.isEmpty()) {
          ctx.error(
              inputFields
                  ? ErrorCodes.REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH
                  : ErrorCodes.REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH,
              (inputFields ? "Input object field \"" : "Argument \"")
                  + coordinate
                  + "\" is required in some subgraphs but does not appear in all subgraphs: it is"
                  + " required in "
                  + Subgraphs.list(requiredIn)
                  + " but does not appear in "
                  + Subgraphs.list(missingIn));
        }
        continue; // Apollo drops an optional value some subgraph lacks (with a hint)
      }
      out.add(mergeOne(coordinate, present, inputFields, joinFields));
    }
    return out;
  }

  private SupergraphArgument mergeOne(
      String coordinate,
      Map<Integer, SubgraphArgument> present,
      boolean inputFields,
      boolean joinFields) {
    List<SubgraphArgument> values = List.copyOf(present.values());
    TypeRef type = ctx.typeRefs.merge(values.stream().map(SubgraphArgument::type).toList(), true);
    boolean allTypesEqual = values.stream().map(SubgraphArgument::type).distinct().count() == 1;
    if (type == null) {
      Map<String, List<String>> byType = new LinkedHashMap<>();
      present.forEach(
          (i, v) ->
              byType
                  .computeIfAbsent("type \"" + v.type() + "\"", k -> new ArrayList<>())
                  .add(ctx.name(i)));
      ctx.error(
          inputFields ? ErrorCodes.FIELD_TYPE_MISMATCH : ErrorCodes.FIELD_ARGUMENT_TYPE_MISMATCH,
          "Type of "
              + (inputFields ? "field" : "argument")
              + " \""
              + coordinate
              + "\" is incompatible across subgraphs: "
              + Subgraphs.mismatch(byType));
      type = values.getFirst().type();
    }
    Set<String> defaults = new LinkedHashSet<>();
    values.stream()
        .map(SubgraphArgument::defaultValue)
        .filter(Objects::nonNull)
        .forEach(defaults::add);
    if (defaults.size() > 1) {
      Map<String, List<String>> byDefault = new LinkedHashMap<>();
      present.forEach(
          (i, v) ->
              byDefault
                  .computeIfAbsent(
                      v.defaultValue() == null
                          ? "no default value"
                          : "default value " + v.defaultValue(),
                      k -> new ArrayList<>())
                  .add(ctx.name(i)));
      ctx.error(
          ErrorCodes.FIELD_ARGUMENT_DEFAULT_MISMATCH,
          (inputFields ? "Input field \"" : "Argument \"")
              + coordinate
              + "\" has incompatible default values across subgraphs: "
              + Subgraphs.mismatch(byDefault));
    }
    var metadata = PassThrough.merge(values.stream().map(SubgraphArgument::metadata).toList());
    List<AppliedDirective> directives = new ArrayList<>(PassThrough.before(metadata));
    if (joinFields && !allTypesEqual) {
      present.forEach(
          (i, v) ->
              directives.add(
                  AppliedDirective.named("join__field")
                      .literal("graph", ctx.graph(i))
                      .string("type", v.type().toString())
                      .build()));
    }
    directives.addAll(PassThrough.after(metadata));
    return new SupergraphArgument(
        values.getFirst().name(),
        PassThrough.description(values.stream().map(SubgraphArgument::description).toList()),
        type,
        defaults.isEmpty() ? null : defaults.iterator().next(),
        directives);
  }
}
