package dev.podgraph.common.cache;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters {@code podgraph.cache.hits|misses|errors|bypasses} (Prometheus: {@code
 * podgraph_cache_hits_total} ...), tagged with the cache prefix and the region.
 */
final class CacheMetrics {
  private final MeterRegistry meters;
  private final String cache;

  CacheMetrics(MeterRegistry meters, String cache) {
    this.meters = meters;
    this.cache = cache;
  }

  void hit(String region) {
    count("podgraph.cache.hits", region);
  }

  void miss(String region) {
    count("podgraph.cache.misses", region);
  }

  /** A Redis command failed or timed out. */
  void error(String region) {
    count("podgraph.cache.errors", region);
  }

  /** Redis skipped: breaker open or an invalidation still pending. */
  void bypass(String region) {
    count("podgraph.cache.bypasses", region);
  }

  private void count(String name, String region) {
    meters.counter(name, "cache", cache, "region", region).increment();
  }
}
