package dev.podgraph.gateway.execute;

import dev.podgraph.gateway.plan.InternalAliases;
import dev.podgraph.gateway.plan.PlanNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Undoes the planner's renames ({@link InternalAliases}) in a fetch's answer before it is merged:
 * data keys and error paths get the client's response keys back.
 */
final class AliasRewrites {

  private AliasRewrites() {}

  static SubgraphResponse restore(PlanNode.Fetch fetch, SubgraphResponse response) {
    if (!fetch.operation().contains(InternalAliases.MARKER)) {
      return response;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) restore(response.data());
    List<Map<String, Object>> errors = new ArrayList<>();
    for (Map<String, Object> error : response.errors()) {
      Map<String, Object> copy = new LinkedHashMap<>(error);
      SubgraphFetchError.pathOf(error)
          .ifPresent(
              path ->
                  copy.put(
                      "path",
                      path.stream()
                          .map(s -> s instanceof String k ? InternalAliases.original(k) : s)
                          .toList()));
      errors.add(copy);
    }
    return new SubgraphResponse(data, errors);
  }

  private static Object restore(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> restored = new LinkedHashMap<>();
      map.forEach((k, v) -> restored.put(InternalAliases.original((String) k), restore(v)));
      return restored;
    }
    if (value instanceof List<?> list) {
      List<Object> restored = new ArrayList<>(list.size());
      list.forEach(v -> restored.add(restore(v)));
      return restored;
    }
    return value;
  }
}
