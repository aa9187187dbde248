package dev.podgraph.gateway.supergraph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable copies that keep the supergraph's declaration order ({@code Map.copyOf} does not), so
 * planning is deterministic: same supergraph, same operation, same plan.
 */
final class Ordered {

  private Ordered() {}

  static <K, V> Map<K, V> copy(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
