package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.FieldInSubgraph;
import dev.podgraph.gateway.supergraph.FieldModel;
import dev.podgraph.gateway.supergraph.TypeKind;
import dev.podgraph.gateway.supergraph.TypeModel;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Root type resolution: which subgraph answers each root field. A query field of several subgraphs
 * goes to the one whose plan costs least ({@link PlanCost}: fewest sequential steps, then fetches,
 * then fields handed on), and is split over several when it returns a value type no single subgraph
 * answers; mutation fields run one after the other, in the order the client wrote them.
 */
// graphql-java's AST API hands out raw lists (List<Selection>).
@SuppressWarnings("rawtypes")
final class RootFields {

  /** How deep the cost estimates look into a selection. */
  static final int MAX_ESTIMATE_DEPTH = 8;

  private final Traversal traversal;

  RootFields(Traversal traversal) {
    this.traversal = traversal;
  }

  Optional<PlanNode> planQuery(String rootType) {
    Map<String, FetchDraft> bySubgraph = new LinkedHashMap<>();
    for (Field field :
        traversal.collectFields(traversal.operation.selection().getSelections(), rootType)) {
      if (field.getName().startsWith("__")) {
        continue; // __typename and introspection are answered by the gateway
      }
      planSharedRootField(field, rootType, bySubgraph);
    }
    return traversal.graph.toPlan(0);
  }

  Optional<PlanNode> planMutation(String rootType) {
    List<PlanNode> steps = new ArrayList<>();
    for (Field field :
        traversal.collectFields(traversal.operation.selection().getSelections(), rootType)) {
      if (field.getName().startsWith("__")) {
        continue;
      }
      int first = traversal.graph.size();
      String subgraph = candidates(rootType, field, Set.of()).getFirst();
      FetchDraft fetch = traversal.graph.newFetch(subgraph, List.of(), false);
      traversal.planField(field, rootType, traversal.rootContext(fetch));
      traversal.graph.toPlan(first).ifPresent(steps::add);
    }
    return steps.isEmpty()
        ? Optional.empty()
        : Optional.of(steps.size() == 1 ? steps.getFirst() : new PlanNode.Sequence(steps));
  }

  /**
   * Plans a query root field, asking it of several subgraphs when it returns a value type (no key)
   * whose fields no single subgraph resolves: each is asked for the part it can answer and the
   * answers merge under the same response key.
   */
  private void planSharedRootField(
      Field field, String rootType, Map<String, FetchDraft> bySubgraph) {
    List<String> candidates = candidates(rootType, field, bySubgraph.keySet());
    Optional<TypeModel> returned =
        traversal
            .type(rootType)
            .field(field.getName())
            .flatMap(f -> traversal.facts.supergraph().findType(f.typeName()));
    List<Field> remaining =
        returned.isPresent()
                && returned.get().kind() == TypeKind.OBJECT
                && field.getSelectionSet() != null
            ? traversal.collectFields(
                field.getSelectionSet().getSelections(), returned.get().name())
            : List.of();
    if (candidates.size() == 1 || remaining.isEmpty()) {
      planRootIn(field, rootType, candidates.getFirst(), bySubgraph);
      return;
    }
    for (String subgraph : candidates) {
      List<Field> answerable =
          remaining.stream()
              .filter(f -> !stuck(traversal, f, returned.get(), subgraph, 0))
              .toList();
      if (answerable.isEmpty()) {
        continue;
      }
      planRootIn(withSelections(field, answerable), rootType, subgraph, bySubgraph);
      remaining = remaining.stream().filter(f -> !answerable.contains(f)).toList();
      if (remaining.isEmpty()) {
        return;
      }
    }
    planRootIn(withSelections(field, remaining), rootType, candidates.getFirst(), bySubgraph);
  }

  private static Field withSelections(Field field, List<Field> selections) {
    return field.transform(
        b -> b.selectionSet(SelectionSet.newSelectionSet(List.copyOf(selections)).build()));
  }

  private void planRootIn(
      Field field, String rootType, String subgraph, Map<String, FetchDraft> bySubgraph) {
    FetchDraft fetch =
        bySubgraph.computeIfAbsent(subgraph, s -> traversal.graph.newFetch(s, List.of(), false));
    traversal.planField(field, rootType, traversal.rootContext(fetch));
  }

  /**
   * True when the subgraph cannot answer the field, not even through an entity jump: the field
   * lives elsewhere on a type without a key.
   */
  static boolean stuck(
      Traversal traversal, Field field, TypeModel type, String subgraph, int depth) {
    if (field.getName().startsWith("__") || depth > MAX_ESTIMATE_DEPTH) {
      return false;
    }
    Optional<FieldModel> model = type.field(field.getName());
    if (model.isEmpty()) {
      return false;
    }
    if (!traversal.facts.resolves(subgraph, type, model.get())) {
      return !traversal.facts.resolvedBehindAKey(type, model.get());
    }
    Optional<TypeModel> child = traversal.facts.supergraph().findType(model.get().typeName());
    if (child.isEmpty()
        || child.get().kind() != TypeKind.OBJECT
        || field.getSelectionSet() == null) {
      return false;
    }
    return traversal
        .collectFields(field.getSelectionSet().getSelections(), child.get().name())
        .stream()
        .anyMatch(f -> stuck(traversal, f, child.get(), subgraph, depth + 1));
  }

  /**
   * Subgraphs that resolve a root field, cheapest first: when there are several, the field is
   * planned alone from each in a scratch traversal and the resulting fetch graphs are compared.
   */
  private List<String> candidates(String rootType, Field field, Set<String> used) {
    TypeModel root = traversal.type(rootType);
    FieldModel model =
        root.field(field.getName())
            .orElseThrow(
                () ->
                    new PlanningException(
                        "Cannot query field \"" + field.getName() + "\" on type " + rootType));
    Map<String, Integer> estimates = new LinkedHashMap<>();
    for (String subgraph : traversal.facts.supergraph().subgraphs().keySet()) {
      if (traversal.facts.resolves(subgraph, root, model)) {
        estimates.put(
            subgraph,
            2
                    * misses(
                        field.getSelectionSet(),
                        model.typeName(),
                        subgraph,
                        0,
                        Provides.own(model, subgraph))
                + (used.contains(subgraph) ? 0 : 1));
      }
    }
    if (estimates.isEmpty()) {
      throw new PlanningException("No subgraph resolves field " + rootType + "." + field.getName());
    }
    if (estimates.size() == 1) {
      return List.copyOf(estimates.keySet());
    }
    Map<String, PlanCost> costs = new LinkedHashMap<>();
    estimates.forEach(
        (subgraph, estimate) ->
            costs.put(
                subgraph, cost(field, rootType, subgraph, used.contains(subgraph), estimate)));
    return costs.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .toList();
  }

  private PlanCost cost(Field field, String rootType, String subgraph, boolean used, int estimate) {
    Traversal scratch = traversal.scratch();
    try {
      FetchDraft fetch = scratch.graph.newFetch(subgraph, List.of(), false);
      scratch.planField(field, rootType, scratch.rootContext(fetch));
    } catch (PlanningException e) {
      return new PlanCost(Integer.MAX_VALUE, Integer.MAX_VALUE, estimate);
    }
    // A subgraph already asked at the root takes the field into the fetch it already has.
    return PlanCost.of(scratch.graph, used ? 1 : 0, estimate);
  }

  /**
   * How many selected fields a subgraph could not resolve itself (fields it {@code @provides} along
   * the way count as resolved): a cost estimate.
   */
  private int misses(
      SelectionSet selectionSet,
      String typeName,
      String subgraph,
      int depth,
      List<Selection> provided) {
    Optional<TypeModel> type = traversal.facts.supergraph().findType(typeName);
    if (selectionSet == null || type.isEmpty() || depth > MAX_ESTIMATE_DEPTH) {
      return 0;
    }
    List<String> objects =
        type.get().kind() == TypeKind.OBJECT
            ? List.of(typeName)
            : type.get().isInterfaceObjectIn(subgraph)
                ? List.of()
                : traversal.facts.possibleTypesIn(typeName, subgraph);
    int total = 0;
    for (String objectType : objects) {
      TypeModel object = traversal.type(objectType);
      for (Field field : traversal.collectFields(selectionSet.getSelections(), objectType)) {
        Optional<FieldModel> model = object.field(field.getName());
        if (model.isEmpty()) {
          continue;
        }
        FieldInSubgraph in = model.get().perSubgraph().get(subgraph);
        boolean providedHere =
            in != null
                && in.external()
                && Provides.covers(provided, field.getName(), object, traversal.facts);
        if (!providedHere && !traversal.facts.resolves(subgraph, object, model.get())) {
          total++;
        } else {
          total +=
              misses(
                  field.getSelectionSet(),
                  model.get().typeName(),
                  subgraph,
                  depth + 1,
                  Provides.below(provided, model.get(), subgraph));
        }
      }
    }
    return total;
  }
}
