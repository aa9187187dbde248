package dev.podgraph.gateway.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway's entity/response cache keeps and for how long. A type's own policy wins over
 * its subgraph's, which wins over the defaults; a TTL of zero turns caching off for that type or
 * subgraph.
 *
 * @param enabled whether the cache is in the pipeline at all
 * @param ttl how long an entry lives unless a subgraph or type says otherwise
 * @param rootFields whether whole root-field (query) fetches are cached, not only entities
 * @param maxEntries entries kept in this gateway's memory (least recently used go first)
 * @param subgraphs policies by subgraph name
 * @param types policies by entity type name (the representation's {@code __typename})
 */
public record EntityCacheSettings(
    boolean enabled,
    Duration ttl,
    boolean rootFields,
    long maxEntries,
    Map<String, Policy> subgraphs,
    Map<String, Policy> types) {

  /** A TTL and a scope, each optional (inherited when absent). */
  public record Policy(Optional<Duration> ttl, Optional<CacheScope> scope) {
    public static Policy of(Duration ttl, CacheScope scope) {
      return new Policy(Optional.ofNullable(ttl), Optional.ofNullable(scope));
    }
  }

  public static EntityCacheSettings disabled() {
    return new EntityCacheSettings(false, Duration.ZERO, false, 0, Map.of(), Map.of());
  }

  Duration ttl(String subgraph, String type) {
    return policy(types, type).ttl().or(() -> policy(subgraphs, subgraph).ttl()).orElse(ttl);
  }

  CacheScope scope(String subgraph, String type) {
    return policy(types, type)
        .scope()
        .or(() -> policy(subgraphs, subgraph).scope())
        .orElse(CacheScope.PUBLIC);
  }

  private static Policy policy(Map<String, Policy> policies, String name) {
    Policy policy = name == null ? null : policies.get(name);
    return policy == null ? new Policy(Optional.empty(), Optional.empty()) : policy;
  }
}
