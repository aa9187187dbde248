package dev.podgraph.guest.cache;

import dev.podgraph.devinfra.PodgraphInfraResource;
import dev.podgraph.devinfra.ThrowawayRedis;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A boot of its own whose Redis is a throwaway one the test may stop: the only test that gets a
 * second Quarkus boot.
 */
public class RedisDownProfile implements QuarkusTestProfile {
  @Override
  public boolean disableGlobalTestResources() {
    return true;
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(
        new TestResourceEntry(
            ThrowawayRedisResource.class,
            Map.of("database", "guest_test", "redisDatabase", "2"),
            true));
  }

  /** The shared infrastructure, except that Redis is a throwaway one. */
  public static class ThrowawayRedisResource extends PodgraphInfraResource {
    static ThrowawayRedis redis;

    @Override
    public Map<String, String> start() {
      Map<String, String> config = new HashMap<>(super.start());
      redis = ThrowawayRedis.start();
      config.put("quarkus.redis.hosts", redis.uri(2));
      return config;
    }

    @Override
    public void stop() {
      if (redis != null) {
        redis.stop();
      }
      super.stop();
    }
  }
}
