package dev.podgraph.gateway.defer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the answer of one deferred query into the {@code incremental} entries of a subsequent
 * payload: one per object found at the fragment's path (list items each at their own index), with
 * the errors whose path lies under it.
 */
public final class IncrementalPayloads {
  private IncrementalPayloads() {}

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> entries(
      DeferSplitter.Deferred deferred, Map<String, Object> body) {
    List<Map<String, Object>> entries = new ArrayList<>();
    Object data = body.get("data");
    walk(data, deferred.path(), 0, new ArrayList<>(), deferred.label(), entries);
    List<Map<String, Object>> errors =
        body.get("errors") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    for (Map<String, Object> error : errors) {
      Map<String, Object> owner = owner(entries, error.get("path"));
      if (owner == null) {
        owner = entry(Map.of(), staticPrefix(deferred.path()), deferred.label());
        entries.add(owner);
      }
      ((List<Object>) owner.computeIfAbsent("errors", k -> new ArrayList<>())).add(error);
    }
    return entries;
  }

  private static void walk(
      Object value,
      List<String> path,
      int depth,
      List<Object> concrete,
      String label,
      List<Map<String, Object>> out) {
    if (value instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        List<Object> at = new ArrayList<>(concrete);
        at.add(i);
        walk(items.get(i), path, depth, at, label, out);
      }
      return;
    }
    if (!(value instanceof Map<?, ?> object)) {
      return; // null on the way: the primary payload already says why
    }
    if (depth == path.size()) {
      if (!object.isEmpty()) { // empty: the fragment's type condition did not match
        out.add(entry(object, concrete, label));
      }
      return;
    }
    List<Object> at = new ArrayList<>(concrete);
    at.add(path.get(depth));
    walk(object.get(path.get(depth)), path, depth + 1, at, label, out);
  }

  private static Map<String, Object> entry(Map<?, ?> data, List<Object> path, String label) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("data", data);
    entry.put("path", path);
    if (label != null) {
      entry.put("label", label);
    }
    return entry;
  }

  private static Map<String, Object> owner(List<Map<String, Object>> entries, Object errorPath) {
    if (entries.isEmpty()) {
      return null;
    }
    if (errorPath instanceof List<?> path) {
      for (Map<String, Object> entry : entries) {
        List<?> at = (List<?>) entry.get("path");
        if (path.size() >= at.size() && path.subList(0, at.size()).equals(at)) {
          return entry;
        }
      }
    }
    return entries.getFirst();
  }

  private static List<Object> staticPrefix(List<String> path) {
    return new ArrayList<>(path);
  }
}
