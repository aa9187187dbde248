package dev.podgraph.common.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Cache-aside over the service's Redis, for blocking callers (GraphQL resolvers on worker threads).
 *
 * <p>Entries live in <em>regions</em>. A region has a generation number in Redis; every entry key
 * contains the generation that was current when the reader started, and {@link #invalidate} bumps
 * it. So invalidation is one INCR whatever the number of entries (list pages included), and a
 * reader that loaded the old row before a write committed files its entry under a generation nobody
 * reads any more. Invalidate after the transaction commits.
 *
 * <p>Redis never fails a read: each command waits at most {@code podgraph.cache.timeout}, errors go
 * to the database, and after a few errors in a row the {@link RedisBreaker} skips Redis for a
 * while. An invalidation that cannot reach Redis is kept pending; until it is delivered this
 * instance bypasses the cache, and delivering it is retried before every cache read.
 */
@ApplicationScoped
public class CacheAside {
  private static final Logger LOG = Logger.getLogger(CacheAside.class);

  private final ReactiveRedisDataSource redis;
  private final ReactiveValueCommands<String, String> values;
  private final ObjectMapper json;
  private final CacheConfig config;
  private final CacheMetrics metrics;
  private final RedisBreaker breaker;
  private final PendingInvalidations pending = new PendingInvalidations();
  private final Clock clock = Clock.systemUTC();

  public CacheAside(
      ReactiveRedisDataSource redis, ObjectMapper json, CacheConfig config, MeterRegistry meters) {
    this.redis = redis;
    this.values = redis.value(String.class, String.class);
    this.json = json;
    this.config = config;
    this.metrics = new CacheMetrics(meters, config.prefix());
    this.breaker = new RedisBreaker(config.breaker().failures(), config.breaker().openFor(), clock);
  }

  public <T> T get(String region, String key, Class<T> type, Supplier<T> loader) {
    return get(region, key, json.constructType(type), loader);
  }

  public <T> T get(String region, String key, TypeReference<T> type, Supplier<T> loader) {
    return get(region, key, json.getTypeFactory().constructType(type), loader);
  }

  /**
   * The cached value of {@code key} in {@code region}, else {@code loader}'s (cached unless null).
   * Exceptions of the loader propagate; Redis problems never do.
   */
  public <T> T get(String region, String key, JavaType type, Supplier<T> loader) {
    if (!config.enabled()) {
      return loader.get();
    }
    deliverPendingInvalidations();
    if (pending.any() || breaker.open()) {
      metrics.bypass(region);
      return loader.get();
    }
    String entryKey;
    String cached;
    try {
      entryKey = entryKey(region, generation(region), key);
      cached = await(values.get(entryKey));
      breaker.success();
    } catch (RuntimeException e) {
      redisFailed(region, "read", e);
      return loader.get();
    }
    if (cached != null) {
      T value = decode(cached, type, entryKey);
      if (value != null) {
        metrics.hit(region);
        return value;
      }
    }
    metrics.miss(region);
    T value = loader.get();
    if (value != null) {
      store(region, entryKey, value);
    }
    return value;
  }

  public <T> Map<String, T> getAll(
      String region,
      Collection<String> keys,
      Class<T> type,
      Function<Set<String>, Map<String, T>> loader) {
    return getAll(region, keys, json.constructType(type), loader);
  }

  public <T> Map<String, T> getAll(
      String region,
      Collection<String> keys,
      TypeReference<T> type,
      Function<Set<String>, Map<String, T>> loader) {
    return getAll(region, keys, json.getTypeFactory().constructType(type), loader);
  }

  /**
   * The values of many keys of one {@code region}, each its own entry (so batches that overlap
   * share them): one MGET for all, {@code loader} called once with the keys Redis did not have, and
   * what it returns written back in one pipelined round trip (absent or null values are not
   * cached). The same guarantees as {@link #get}: the generation read before the MGET files every
   * write-back under it, and Redis problems send the whole batch to the loader.
   */
  public <T> Map<String, T> getAll(
      String region,
      Collection<String> keys,
      JavaType type,
      Function<Set<String>, Map<String, T>> loader) {
    Set<String> wanted = new LinkedHashSet<>(keys);
    if (wanted.isEmpty()) {
      return new HashMap<>();
    }
    if (!config.enabled()) {
      return loader.apply(wanted);
    }
    deliverPendingInvalidations();
    if (pending.any() || breaker.open()) {
      metrics.bypass(region, wanted.size());
      return loader.apply(wanted);
    }
    List<String> entryKeys = new ArrayList<>(wanted.size());
    Map<String, String> cached;
    try {
      String generation = generation(region);
      wanted.forEach(key -> entryKeys.add(entryKey(region, generation, key)));
      cached = await(values.mget(entryKeys.toArray(String[]::new)));
      breaker.success();
    } catch (RuntimeException e) {
      redisFailed(region, "read", e);
      return loader.apply(wanted);
    }
    Map<String, T> found = new HashMap<>();
    Map<String, String> missing = new HashMap<>();
    int i = 0;
    for (String key : wanted) {
      String entryKey = entryKeys.get(i++);
      String entry = cached == null ? null : cached.get(entryKey);
      T value = entry == null ? null : decode(entry, type, entryKey);
      if (value != null) {
        found.put(key, value);
      } else {
        missing.put(key, entryKey);
      }
    }
    metrics.hit(region, found.size());
    if (missing.isEmpty()) {
      return found;
    }
    metrics.miss(region, missing.size());
    Map<String, T> loaded = loader.apply(new LinkedHashSet<>(missing.keySet()));
    storeAll(region, missing, loaded);
    found.putAll(loaded);
    return found;
  }

  /**
   * Makes every entry of {@code region} unreachable. Call it after the write has committed and
   * before the mutation returns; it never throws.
   */
  public void invalidate(String region) {
    if (!config.enabled()) {
      return;
    }
    pending.add(region);
    deliverPendingInvalidations();
  }

  /** What the readiness check reports. */
  public CacheStatus status() {
    boolean reachable;
    try {
      redis.execute("PING").await().atMost(config.healthTimeout());
      reachable = true;
    } catch (RuntimeException e) {
      reachable = false;
    }
    return new CacheStatus(config.enabled(), reachable, breaker.open(), pending.count());
  }

  private void deliverPendingInvalidations() {
    if (!pending.any()) {
      return;
    }
    for (String region : pending.snapshot()) {
      if (breaker.open()) {
        return;
      }
      try {
        String generationKey = generationKey(region);
        long generation = await(values.incr(generationKey));
        if (generation == 1) {
          // The counter had vanished (eviction, a flushed Redis): 1 may have been used before.
          await(values.set(generationKey, Long.toString(freshGeneration())));
        }
        breaker.success();
        pending.done(region);
      } catch (RuntimeException e) {
        redisFailed(region, "invalidate", e);
        return;
      }
    }
  }

  private String generation(String region) {
    String generationKey = generationKey(region);
    String generation = await(values.get(generationKey));
    if (generation != null) {
      return generation;
    }
    await(values.setnx(generationKey, Long.toString(freshGeneration())));
    return await(values.get(generationKey));
  }

  /** A generation no earlier counter of this region can have reached: milliseconds x 1000. */
  private long freshGeneration() {
    return clock.millis() * 1000;
  }

  private void store(String region, String entryKey, Object value) {
    try {
      String encoded = json.writeValueAsString(value);
      await(values.set(entryKey, encoded, new SetArgs().px(config.ttl())));
      breaker.success();
    } catch (JsonProcessingException e) {
      LOG.warnf(e, "Not caching %s: not serialisable as JSON", entryKey);
    } catch (RuntimeException e) {
      redisFailed(region, "write", e);
    }
  }

  /** One pipelined round trip: SET ... PX for every loaded value. */
  private void storeAll(String region, Map<String, String> entryKeys, Map<String, ?> loaded) {
    List<Request> writes = new ArrayList<>();
    String ttl = Long.toString(config.ttl().toMillis());
    for (Map.Entry<String, ?> value : loaded.entrySet()) {
      String entryKey = entryKeys.get(value.getKey());
      if (entryKey == null || value.getValue() == null) {
        continue;
      }
      try {
        String encoded = json.writeValueAsString(value.getValue());
        writes.add(Request.cmd(Command.SET).arg(entryKey).arg(encoded).arg("PX").arg(ttl));
      } catch (JsonProcessingException e) {
        LOG.warnf(e, "Not caching %s: not serialisable as JSON", entryKey);
      }
    }
    if (writes.isEmpty()) {
      return;
    }
    try {
      await(redis.getRedis().batch(writes));
      breaker.success();
    } catch (RuntimeException e) {
      redisFailed(region, "write", e);
    }
  }

  private <T> T decode(String cached, JavaType type, String entryKey) {
    try {
      return json.readValue(cached, type);
    } catch (JsonProcessingException e) {
      LOG.warnf("Ignoring unreadable cache entry %s: %s", entryKey, e.getOriginalMessage());
      return null;
    }
  }

  private void redisFailed(String region, String operation, RuntimeException e) {
    metrics.error(region);
    breaker.failure();
    LOG.debugf("Redis %s for region %s failed: %s", operation, region, e.toString());
  }

  private <T> T await(Uni<T> command) {
    return command.await().atMost(config.timeout());
  }

  private String generationKey(String region) {
    return config.prefix() + ":gen:" + region;
  }

  private String entryKey(String region, String generation, String key) {
    return config.prefix() + ":" + region + ":" + generation + ":" + key;
  }
}
