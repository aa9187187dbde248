package dev.podgraph.gateway.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A subgraph request while the planner builds it. */
final class FetchDraft {

  final int id;
  final String subgraph;
  final List<PathElement> path;
  final boolean entity;
  final SelectionDraft root = new SelectionDraft();
  final Set<FetchDraft> dependsOn = new LinkedHashSet<>();

  /** Per runtime type: the representation type and the projections (merged) that feed it. */
  final Map<String, String> representationTypes = new LinkedHashMap<>();

  final Map<String, List<Projection.Field>> projections = new LinkedHashMap<>();

  /** Contextual arguments ({@code @fromContext}) of the fields this entity fetch selects. */
  final List<ContextRewrite> contextRewrites = new ArrayList<>();

  FetchDraft(int id, String subgraph, List<PathElement> path, boolean entity) {
    this.id = id;
    this.subgraph = subgraph;
    this.path = List.copyOf(path);
    this.entity = entity;
  }

  boolean dependsOnTransitively(FetchDraft other) {
    for (FetchDraft dependency : dependsOn) {
      if (dependency == other || dependency.dependsOnTransitively(other)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Fetch#" + id + "(" + subgraph + " at " + path + ")";
  }
}
