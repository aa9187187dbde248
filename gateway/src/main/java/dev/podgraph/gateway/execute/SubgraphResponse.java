package dev.podgraph.gateway.execute;

import java.util.List;
import java.util.Map;

/** A subgraph's answer: {@code data} may be null, errors are the raw error objects. */
public record SubgraphResponse(Map<String, Object> data, List<Map<String, Object>> errors) {

  public SubgraphResponse {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }
}
