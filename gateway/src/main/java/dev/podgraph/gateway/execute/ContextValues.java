package dev.podgraph.gateway.execute;

import dev.podgraph.gateway.plan.ContextRewrite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The contextual argument values ({@code @fromContext}) of one object an entity fetch is sent for:
 * each read from an ancestor of the object on its path in the merged tree.
 */
final class ContextValues {

  private final BiPredicate<String, String> typeApplies;
  private final Representations representations;

  ContextValues(BiPredicate<String, String> typeApplies, Representations representations) {
    this.typeApplies = typeApplies;
    this.representations = representations;
  }

  /**
   * Variable name to value, for the object at {@code path} of {@code tree}; null where the ancestor
   * is missing, of another type, or lacks the value.
   */
  Map<String, Object> of(
      List<ContextRewrite> rewrites, Map<String, Object> tree, List<Object> path) {
    if (rewrites.isEmpty()) {
      return Map.of();
    }
    List<Map<String, Object>> objects = objectsAlong(tree, path);
    Map<String, Object> values = new LinkedHashMap<>();
    for (ContextRewrite rewrite : rewrites) {
      int at = objects.size() - 1 - rewrite.levelsUp();
      Object value = null;
      if (at >= 0) {
        Map<String, Object> ancestor = objects.get(at);
        Object typename = ancestor.get("__typename");
        if (!(typename instanceof String type) || typeApplies.test(rewrite.typeCondition(), type)) {
          value = representations.value(rewrite.value(), ancestor);
        }
      }
      values.put(rewrite.variable(), value);
    }
    return values;
  }

  /** The objects from the root to the one at the path; list levels are not objects. */
  private static List<Map<String, Object>> objectsAlong(
      Map<String, Object> tree, List<Object> path) {
    List<Map<String, Object>> objects = new ArrayList<>();
    objects.add(tree);
    Object current = tree;
    for (Object step : path) {
      current = step(current, step);
      if (current instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        objects.add(object);
      }
    }
    return objects;
  }

  private static Object step(Object from, Object step) {
    if (step instanceof String key && from instanceof Map<?, ?> map) {
      return map.get(key);
    }
    if (step instanceof Integer index && from instanceof List<?> list && index < list.size()) {
      return list.get(index);
    }
    return null;
  }
}
