package dev.podgraph.gateway.plan;

import graphql.language.Selection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the traversal stands while it plans a selection: the fetch and selection being written, the
 * subgraph asked, the path of the objects in the merged result, and what holds there.
 *
 * @param provided the {@code @provides} field set in force at this position
 * @param depth entity jumps taken to get here
 * @param entityLevel true right after an entity jump, at the level of the representation sent
 * @param reserved response keys the client uses at this level, with the field each names
 * @param candidates the subgraphs that could also answer the current path (see {@link
 *     SupergraphFacts#candidatesBelow})
 */
// graphql-java's AST API hands out raw lists (List<Selection>).
@SuppressWarnings("rawtypes")
record PlanningContext(
    FetchDraft fetch,
    SelectionDraft node,
    String subgraph,
    List<PathElement> path,
    List<Selection> provided,
    Purpose purpose,
    int depth,
    boolean entityLevel,
    Map<String, String> reserved,
    Set<String> candidates) {

  /** Why a field is planned: the client asked it, or the gateway needs it for a representation. */
  enum Purpose {
    CLIENT,
    /** A key field: a fed1 extension or the entity level may give an {@code @external} one. */
    KEY,
    /** A {@code @requires} field. */
    REQUIREMENT;

    boolean internal() {
      return this != CLIENT;
    }
  }

  PlanningContext {
    path = List.copyOf(path);
    provided = List.copyOf(provided);
    candidates = Set.copyOf(candidates);
  }

  static PlanningContext root(FetchDraft fetch, Map<String, String> reserved, Set<String> all) {
    return new PlanningContext(
        fetch,
        fetch.root,
        fetch.subgraph,
        List.of(),
        List.of(),
        Purpose.CLIENT,
        0,
        false,
        reserved,
        all);
  }

  /** The context of an entity fetch to {@code subgraph}, at the same path. */
  PlanningContext entered(FetchDraft target, SelectionDraft at, String subgraph, Purpose kept) {
    return new PlanningContext(
        target, at, subgraph, path, List.of(), kept, depth + 1, true, reserved, Set.of(subgraph));
  }

  /** The context of a composite field's selections, in the same fetch. */
  PlanningContext below(
      SelectionDraft at,
      List<PathElement> childPath,
      List<Selection> childProvided,
      Map<String, String> childReserved,
      Set<String> childCandidates) {
    return new PlanningContext(
        fetch,
        at,
        subgraph,
        childPath,
        childProvided,
        purpose,
        depth,
        false,
        childReserved,
        childCandidates);
  }

  PlanningContext withNode(SelectionDraft other) {
    return new PlanningContext(
        fetch, other, subgraph, path, provided, purpose, depth, entityLevel, reserved, candidates);
  }

  /** For key and required fields, which must not take a response key the client uses. */
  PlanningContext forRequirement(Purpose requirement) {
    return new PlanningContext(
        fetch,
        node,
        subgraph,
        path,
        provided,
        requirement,
        depth,
        entityLevel,
        reserved,
        candidates);
  }

  /** Identifies the objects at this path of this fetch: entity fetches there are shared. */
  String position() {
    return fetch.id + "|" + PathElement.render(path);
  }
}
