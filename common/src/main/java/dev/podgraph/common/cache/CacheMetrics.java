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
    hit(region, 1);
  }

  void hit(String region, int entries) {
    count("podgraph.cache.hits", region, entries);
  }

  void miss(String region) {
    miss(region, 1);
  }

  void miss(String region, int entries) {
    count("podgraph.cache.misses", region, entries);
  }

  /** A Redis command failed or timed out. */
  void error(String region) {
    count("podgraph.cache.errors", region);
  }

  /** Redis skipped: breaker open or an invalidation still pending. */
  void bypass(String region) {
    bypass(region, 1);
  }

  void bypass(String region, int entries) {
    count("podgraph.cache.bypasses", region, entries);
  }

  private void count(String name, String region) {
    count(name, region, 1);
  }

  private void count(String name, String region, int entries) {
    if (entries > 0) {
      meters.counter(name, "cache", cache, "region", region).increment(entries);
    }
  }
}
