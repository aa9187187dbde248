package dev.podgraph.gateway.persisted;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Automatic persisted queries: an in-process LRU (Caffeine, size-bounded) in front of the shared
 * {@link RedisQueryStore}. A text registered here is found at once by this instance whatever Redis
 * does, and by the other gateway instances through Redis.
 */
public final class PersistedQueryCache {
  private final Cache<String, String> local;
  private final RedisQueryStore redis;

  public PersistedQueryCache(long size, RedisQueryStore redis) {
    this.local = Caffeine.newBuilder().maximumSize(size).build();
    this.redis = redis;
  }

  public CompletableFuture<Optional<String>> get(String hash) {
    String cached = local.getIfPresent(hash);
    if (cached != null) {
      return CompletableFuture.completedFuture(Optional.of(cached));
    }
    return redis
        .get(hash)
        .thenApply(
            found -> {
              found.ifPresent(query -> local.put(hash, query));
              return found;
            });
  }

  /**
   * Keeps the text locally at once and in Redis in the background; the returned future (done when
   * Redis answered or was given up on) is for tests, callers need not wait for it.
   */
  public CompletableFuture<Boolean> register(String hash, String query) {
    local.put(hash, query);
    return redis.put(hash, query);
  }

  public boolean skippingRedis() {
    return redis.skippingRedis();
  }
}
