package dev.podgraph.gateway.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code gateway_cache_hits_total} and {@code gateway_cache_misses_total} (tags {@code subgraph},
 * {@code kind}: {@code entity} per representation, {@code root} per root-field fetch) and {@code
 * gateway_cache_invalidations_total{subgraph}} (mutations that dropped a subgraph's entries).
 * Counters are registered once per tag set, not looked up on every fetch.
 */
public final class CacheMeters {
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public CacheMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  void hit(String subgraph, String kind, int count) {
    count("gateway.cache.hits", subgraph, kind, count);
  }

  void miss(String subgraph, String kind, int count) {
    count("gateway.cache.misses", subgraph, kind, count);
  }

  void invalidated(String subgraph) {
    counters
        .computeIfAbsent(
            "invalidations\u0000" + subgraph,
            k ->
                Counter.builder("gateway.cache.invalidations")
                    .description("Mutations through the gateway that dropped a subgraph's entries")
                    .tag("subgraph", subgraph)
                    .register(registry))
        .increment();
  }

  private void count(String name, String subgraph, String kind, int count) {
    if (count <= 0) {
      return;
    }
    counters
        .computeIfAbsent(
            name + "\u0000" + subgraph + "\u0000" + kind,
            k ->
                Counter.builder(name)
                    .tag("subgraph", subgraph)
                    .tag("kind", kind)
                    .register(registry))
        .increment(count);
  }
}
