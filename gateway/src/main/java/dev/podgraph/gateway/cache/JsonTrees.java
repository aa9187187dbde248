package dev.podgraph.gateway.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the cache does with parsed JSON answers (maps, lists, scalars). */
final class JsonTrees {
  private JsonTrees() {}

  /** A copy nobody else holds: the executor merges into what it receives. */
  static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
      map.forEach((k, v) -> copy.put((String) k, copy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(copy(item)));
      return copy;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> copyObject(Map<String, Object> value) {
    return (Map<String, Object>) copy(value);
  }

  /** Every object (map) in the tree, the root included. */
  static List<Map<?, ?>> objects(Object tree) {
    List<Map<?, ?>> found = new ArrayList<>();
    collect(tree, found);
    return found;
  }

  private static void collect(Object value, List<Map<?, ?>> found) {
    if (value instanceof Map<?, ?> map) {
      found.add(map);
      map.values().forEach(v -> collect(v, found));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collect(v, found));
    }
  }

  /**
   * Whether {@code object} is the entity {@code representation} names: the same {@code __typename}
   * (or none: a mutation's selection may leave it out) and the same value for every key field. A
   * false match only costs an extra miss.
   */
  static boolean names(Map<?, ?> object, Map<?, ?> representation) {
    Object type = object.get("__typename");
    if (type != null && !type.equals(representation.get("__typename"))) {
      return false;
    }
    boolean anyKey = false;
    for (Map.Entry<?, ?> field : representation.entrySet()) {
      if ("__typename".equals(field.getKey())) {
        continue;
      }
      if (!object.containsKey(field.getKey())
          || !Objects.equals(object.get(field.getKey()), field.getValue())) {
        return false;
      }
      anyKey = true;
    }
    return anyKey;
  }
}
