package dev.podgraph.gateway.persisted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.devinfra.ThrowawayRedis;
import dev.podgraph.gateway.fixture.TestClock;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances' APQ caches over one real Redis (an embedded one of the test's own, which
 * the test stops and starts again): shared through Redis while it runs, each still served by its
 * own LRU while it is down, no request failing or waiting past the Redis timeout, one warning.
 */
class PersistedQueryCacheTest {

  private static final String QUERY = "{ topProducts { name } }";
  private static final String HASH = Sha256.hex(QUERY);

  private ThrowawayRedis server;
  private Vertx vertx;
  private final TestClock clock = new TestClock();

  @BeforeEach
  void start() {
    server = ThrowawayRedis.start();
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private PersistedQueryCache instance() {
    Redis redis = Redis.createClient(vertx, server.uri(3));
    return new PersistedQueryCache(
        100,
        new RedisQueryStore(
            redis, Duration.ofMillis(300), Duration.ofHours(1), 3, Duration.ofSeconds(5), clock));
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future) throws Exception {
    return future.get(5, TimeUnit.SECONDS);
  }

  @Test
  void aQueryRegisteredOnOneInstanceIsFoundByAnotherThroughRedis() throws Exception {
    PersistedQueryCache first = instance();
    PersistedQueryCache second = instance();
    assertEquals(Optional.empty(), await(second.get(HASH)));

    assertTrue(await(first.register(HASH, QUERY)), "stored in Redis");

    assertEquals(Optional.of(QUERY), await(second.get(HASH)));
  }

  @Test
  void keepsWorkingFromItsLruWhileRedisIsDownAndSkipsRedisAfterAFewFailures() throws Exception {
    PersistedQueryCache gateway = instance();
    String known = "{ me { name } }";
    await(gateway.register(Sha256.hex(known), known));
    server.stop();

    try (Warnings warnings = new Warnings()) {
      // Registering while Redis is down: kept in the LRU, Redis reported as not stored.
      assertFalse(await(gateway.register(HASH, QUERY)));
      assertEquals(Optional.of(QUERY), await(gateway.get(HASH)));
      assertEquals(Optional.of(known), await(gateway.get(Sha256.hex(known))));
      for (int i = 0; i < 20; i++) {
        long start = System.nanoTime();
        assertEquals(Optional.empty(), await(gateway.get(Sha256.hex("unknown " + i))));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "a lookup while Redis is down took " + millis + " ms");
      }
      assertTrue(gateway.skippingRedis(), "Redis skipped after repeated failures");
      assertEquals(1, warnings.records.size(), "one warning, not one per request: " + warnings);
    }

    server.restart();
    clock.advance(Duration.ofSeconds(6));
    PersistedQueryCache other = instance();
    await(other.register(Sha256.hex("{ x }"), "{ x }"));
    assertEquals(Optional.of("{ x }"), await(gateway.get(Sha256.hex("{ x }"))), "Redis again");
    assertFalse(gateway.skippingRedis());
  }

  /** WARN and above logged by the store while open. */
  private static final class Warnings extends Handler implements AutoCloseable {
    final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(RedisQueryStore.class.getName());

    Warnings() {
      logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        records.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }

    @Override
    public String toString() {
      return records.stream().map(LogRecord::getMessage).toList().toString();
    }
  }
}
