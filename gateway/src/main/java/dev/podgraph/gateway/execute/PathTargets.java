package dev.podgraph.gateway.execute;

import dev.podgraph.gateway.plan.PathElement;
import java.util.List;
import java.util.Map;

/** Finds the objects of the merged tree an entity fetch is for: those at its flatten path. */
final class PathTargets {

  /** An object of the merged tree and its path in the client's terms (keys and list indexes). */
  record Target(Map<String, Object> object, List<Object> path) {}

  private PathTargets() {}

  @SuppressWarnings("unchecked")
  static void collect(
      Object value, List<PathElement> path, int at, List<Object> current, List<Target> out) {
    if (value == null) {
      return;
    }
    if (at == path.size()) {
      if (value instanceof Map<?, ?> map) {
        out.add(new Target((Map<String, Object>) map, List.copyOf(current)));
      } else if (value instanceof List<?> list) {
        collectList(list, path, at, current, out);
      }
      return;
    }
    switch (path.get(at)) {
      case PathElement.EachItem each -> {
        if (value instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            current.add(i);
            collect(list.get(i), path, at + 1, current, out);
            current.removeLast();
          }
        }
      }
      case PathElement.Key key -> {
        if (value instanceof Map<?, ?> map) {
          current.add(key.responseKey());
          collect(map.get(key.responseKey()), path, at + 1, current, out);
          current.removeLast();
        }
      }
    }
  }

  private static void collectList(
      List<?> list, List<PathElement> path, int at, List<Object> current, List<Target> out) {
    for (int i = 0; i < list.size(); i++) {
      current.add(i);
      collect(list.get(i), path, at, current, out);
      current.removeLast();
    }
  }
}
