package dev.podgraph.gateway.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The fetch dependency graph of one operation while it is planned: the fetches, what each depends
 * on, the entity fetches that can still take more fields; and, at the end, the plan it becomes:
 * fetches grouped by the longest chain of fetches they wait for, so independent fetches run in
 * parallel and the plan has as few sequential steps as the dependencies allow.
 */
final class FetchGraph {

  private final NormalizedOperation operation;
  private final List<FetchDraft> fetches = new ArrayList<>();
  private final Map<String, List<FetchDraft>> entityFetches = new HashMap<>();
  private final Deque<Set<FetchDraft>> collectors = new ArrayDeque<>();

  FetchGraph(NormalizedOperation operation) {
    this.operation = operation;
  }

  int size() {
    return fetches.size();
  }

  FetchDraft newFetch(String subgraph, List<PathElement> path, boolean entity) {
    FetchDraft fetch = new FetchDraft(fetches.size(), subgraph, path, entity);
    fetches.add(fetch);
    return fetch;
  }

  /** Records that the fetch is written to while requirements are being collected. */
  void touch(FetchDraft fetch) {
    collectors.forEach(c -> c.add(fetch));
  }

  /** Runs the planning of requirements; returns what it produced and the fetches it touched. */
  <T> Collected<T> collecting(Supplier<T> planning) {
    Set<FetchDraft> touched = new LinkedHashSet<>();
    collectors.push(touched);
    try {
      return new Collected<>(planning.get(), touched);
    } finally {
      collectors.pop();
    }
  }

  record Collected<T>(T value, Set<FetchDraft> touched) {}

  /** True when an entity fetch to the subgraph is already planned at this position. */
  boolean hasEntityFetch(String position, String subgraph) {
    return !entityFetches.getOrDefault(position + "|" + subgraph, List.of()).isEmpty();
  }

  /**
   * The entity fetch that takes a field at this position: an existing one when {@link #reusable}
   * allows, else a new one. It depends on the parent fetch and on every fetch the requirements were
   * written to.
   */
  FetchDraft entityFetch(
      PlanningContext ctx,
      String subgraph,
      Set<FetchDraft> touched,
      String runtimeType,
      String representationType,
      List<Projection.Field> projection) {
    List<FetchDraft> existing =
        entityFetches.computeIfAbsent(ctx.position() + "|" + subgraph, i -> new ArrayList<>());
    FetchDraft fetch =
        existing.stream()
            .filter(e -> reusable(e, touched, runtimeType, representationType, projection))
            .findFirst()
            .orElse(null);
    if (fetch == null) {
      fetch = newFetch(subgraph, ctx.path(), true);
      existing.add(fetch);
    }
    touch(fetch);
    fetch.dependsOn.add(ctx.fetch());
    for (FetchDraft t : touched) {
      if (t != fetch) {
        fetch.dependsOn.add(t);
      }
    }
    fetch.representationTypes.put(runtimeType, representationType);
    fetch.projections.merge(runtimeType, projection, Projections::merge);
    return fetch;
  }

  /**
   * An entity fetch already planned at the same path can take another field when it does not depend
   * on what the field's requirements add, sends the same representation type, and its
   * representations need no field under the same name with another value (two {@code @requires} of
   * one field with different arguments need a representation, so a fetch, each).
   */
  private static boolean reusable(
      FetchDraft existing,
      Set<FetchDraft> touched,
      String runtimeType,
      String representationType,
      List<Projection.Field> projection) {
    return !touched.contains(existing)
        && touched.stream().noneMatch(t -> t.dependsOnTransitively(existing))
        && representationType.equals(
            existing.representationTypes.getOrDefault(runtimeType, representationType))
        && Projections.compatible(
            existing.projections.getOrDefault(runtimeType, List.of()), projection);
  }

  /** Sequential steps the plan would have: the longest chain of fetches that send something. */
  int steps() {
    Map<FetchDraft, Integer> levels = new LinkedHashMap<>();
    int steps = 0;
    for (FetchDraft draft : fetches) {
      if (draft.entity || !draft.root.isEmpty()) {
        steps = Math.max(steps, level(draft, levels) + 1);
      }
    }
    return steps;
  }

  /** Fetches the plan would send. */
  int fetchCount() {
    return (int) fetches.stream().filter(d -> d.entity || !d.root.isEmpty()).count();
  }

  /** The plan of every fetch from the {@code first}-th on (mutation fields plan one at a time). */
  Optional<PlanNode> toPlan(int first) {
    List<FetchDraft> drafts = fetches.subList(first, fetches.size());
    Map<FetchDraft, Integer> levels = new LinkedHashMap<>();
    for (FetchDraft draft : drafts) {
      level(draft, levels);
    }
    List<List<PlanNode>> byLevel = new ArrayList<>();
    FetchWriter writer = new FetchWriter(operation);
    for (FetchDraft draft : drafts) {
      if (!draft.entity && draft.root.isEmpty()) {
        continue;
      }
      int level = levels.get(draft);
      while (byLevel.size() <= level) {
        byLevel.add(new ArrayList<>());
      }
      byLevel.get(level).add(writer.write(draft));
    }
    List<PlanNode> steps = new ArrayList<>();
    for (List<PlanNode> level : byLevel) {
      if (level.size() == 1) {
        steps.add(level.getFirst());
      } else if (!level.isEmpty()) {
        steps.add(new PlanNode.Parallel(level));
      }
    }
    if (steps.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(steps.size() == 1 ? steps.getFirst() : new PlanNode.Sequence(steps));
  }

  private static int level(FetchDraft draft, Map<FetchDraft, Integer> levels) {
    Integer known = levels.get(draft);
    if (known != null) {
      return known;
    }
    int level = 0;
    for (FetchDraft dependency : draft.dependsOn) {
      level = Math.max(level, level(dependency, levels) + 1);
    }
    levels.put(draft, level);
    return level;
  }
}
