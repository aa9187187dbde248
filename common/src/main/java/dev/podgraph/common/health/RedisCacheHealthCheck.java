package dev.podgraph.common.health;

import dev.podgraph.common.cache.CacheAside;
import dev.podgraph.common.cache.CacheStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the cache in readiness without ever failing it: the service answers from its database
 * when Redis is away, so taking it out of the load balancer would only make things worse.
 */
@Readiness
@ApplicationScoped
public class RedisCacheHealthCheck implements HealthCheck {
  private final CacheAside cache;

  public RedisCacheHealthCheck(CacheAside cache) {
    this.cache = cache;
  }

  @Override
  public HealthCheckResponse call() {
    CacheStatus status = cache.status();
    return HealthCheckResponse.named("redis-cache")
        .up()
        .withData("enabled", status.enabled())
        .withData("redis", status.reachable() ? "up" : "down")
        .withData("breaker", status.breakerOpen() ? "open" : "closed")
        .withData("pendingInvalidations", status.pendingInvalidations())
        .build();
  }
}
