package dev.podgraph.gateway.execute;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Deep-merges subgraph answers into the result tree. */
final class TreeMerger {

  private final Set<String> abstractTypes;

  /**
   * @param abstractTypes interface names, which a subgraph returns as {@code __typename} for an
   *     {@code @interfaceObject}: they never replace a concrete type already known
   */
  TreeMerger(Set<String> abstractTypes) {
    this.abstractTypes = abstractTypes;
  }

  @SuppressWarnings("unchecked")
  void merge(Map<String, Object> target, Map<String, Object> source) {
    for (Map.Entry<String, Object> entry : source.entrySet()) {
      String key = entry.getKey();
      Object incoming = entry.getValue();
      Object existing = target.get(key);
      if (existing instanceof Map<?, ?> left && incoming instanceof Map<?, ?> right) {
        merge((Map<String, Object>) left, (Map<String, Object>) right);
      } else if (existing instanceof List<?> left
          && incoming instanceof List<?> right
          && left.size() == right.size()) {
        mergeLists((List<Object>) left, (List<Object>) right);
      } else if (incoming == null && (existing instanceof Map || existing instanceof List)) {
        continue; // a subgraph without this part of a shared value must not erase another's
      } else if (key.equals("__typename")
          && existing != null
          && incoming instanceof String name
          && abstractTypes.contains(name)) {
        continue;
      } else {
        target.put(key, incoming);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void mergeLists(List<Object> left, List<Object> right) {
    for (int i = 0; i < left.size(); i++) {
      if (left.get(i) instanceof Map<?, ?> l && right.get(i) instanceof Map<?, ?> r) {
        merge((Map<String, Object>) l, (Map<String, Object>) r);
      } else if (left.get(i) instanceof List<?> l
          && right.get(i) instanceof List<?> r
          && l.size() == r.size()) {
        mergeLists((List<Object>) l, (List<Object>) r);
      } else {
        left.set(i, right.get(i));
      }
    }
  }
}
