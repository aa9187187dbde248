package dev.podgraph.gateway.execute;

import dev.podgraph.gateway.supergraph.Subgraph;
import dev.podgraph.rules.ErrorCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An error the execution of a plan reports: a subgraph's own error (message and extensions kept,
 * path rewritten to the merged tree) or a fetch that failed. Becomes the GraphQL error map only in
 * {@link MergedResult}.
 *
 * @param path null when the error has no position in the result
 */
record SubgraphFetchError(String message, List<Object> path, Map<String, Object> extensions) {

  SubgraphFetchError {
    path = path == null ? null : List.copyOf(path);
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("message", message);
    if (path != null) {
      map.put("path", path);
    }
    if (!extensions.isEmpty()) {
      map.put("extensions", extensions);
    }
    return map;
  }

  /** Keeps what a client may see of a subgraph error: its message, extensions and our path. */
  static SubgraphFetchError fromSubgraph(Map<String, Object> error, List<Object> path) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    if (error.get("extensions") instanceof Map<?, ?> given) {
      given.forEach((k, v) -> extensions.put(String.valueOf(k), v));
    }
    return new SubgraphFetchError(
        String.valueOf(error.getOrDefault("message", "Subgraph error")), path, extensions);
  }

  @SuppressWarnings("unchecked")
  static Optional<List<Object>> pathOf(Map<String, Object> error) {
    return error.get("path") instanceof List<?> list
        ? Optional.of((List<Object>) list)
        : Optional.empty();
  }

  /**
   * @param reason null when the client gave no reason
   * @param omitted for the summarising error of a fetch: how many positions it stands for
   */
  static SubgraphFetchError unavailable(
      Subgraph subgraph,
      SubgraphUnavailableException.Reason reason,
      List<Object> path,
      int omitted) {
    StringBuilder message =
        new StringBuilder("Subgraph '").append(subgraph.name()).append("' is unavailable");
    if (reason != null) {
      message.append(": ").append(reason.explanation());
    }
    if (omitted > 0) {
      message
          .append(" (")
          .append(omitted)
          .append(" more fields it was to provide are null, not listed one by one)");
    }
    message.append('.');
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", ErrorCode.UNAVAILABLE.name());
    extensions.put("serviceName", subgraph.name());
    if (reason != null) {
      extensions.put("reason", reason.name());
    }
    if (omitted > 0) {
      extensions.put("omitted", omitted);
    }
    return new SubgraphFetchError(message.toString(), path, extensions);
  }
}
