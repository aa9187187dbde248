package dev.podgraph.common.cache;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Regions whose invalidation could not reach Redis. While any is pending, this instance neither
 * reads nor fills the cache, so an entry that outlived a write while Redis was away is never
 * served; the invalidations are retried before the next cache read.
 */
final class PendingInvalidations {
  private final Set<String> regions = ConcurrentHashMap.newKeySet();

  void add(String region) {
    regions.add(region);
  }

  boolean any() {
    return !regions.isEmpty();
  }

  int count() {
    return regions.size();
  }

  Set<String> snapshot() {
    return Set.copyOf(regions);
  }

  void done(String region) {
    regions.remove(region);
  }
}
