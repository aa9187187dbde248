package dev.podgraph.catalog.cache;

import dev.podgraph.catalog.CatalogInfra;
import dev.podgraph.devinfra.ThrowawayRedis;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared infrastructure, except that Redis is a throwaway server of this boot's own, handed to
 * the test (a {@link ThrowawayRedis} field) so that it can stop and restart it.
 */
public class RedisDownInfra extends CatalogInfra {
  private ThrowawayRedis redis;

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    redis = ThrowawayRedis.start();
    config.put("quarkus.redis.hosts", redis.uri(1));
    return config;
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(redis, new TestInjector.MatchesType(ThrowawayRedis.class));
  }

  @Override
  public void stop() {
    if (redis != null) {
      redis.stop();
    }
  }
}
