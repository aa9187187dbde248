package dev.podgraph.gateway.persisted;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Persisted query texts in the gateway's Redis ({@code gateway:apq:<sha256>}). Redis never fails or
 * slows a request: every command waits at most {@code timeout}, a failure reads as "not there", and
 * after repeated failures a circuit breaker (Resilience4j) skips Redis for {@code openFor}. Only
 * the breaker's state changes are logged, so a dead Redis costs one warning, not one a request.
 */
public final class RedisQueryStore {
  private static final Logger LOG = Logger.getLogger(RedisQueryStore.class);
  static final String PREFIX = "gateway:apq:";

  private final Redis redis;
  private final Duration timeout;
  private final Duration ttl;
  private final CircuitBreaker breaker;

  public RedisQueryStore(
      Redis redis, Duration timeout, Duration ttl, int failures, Duration openFor, Clock clock) {
    this.redis = redis;
    this.timeout = timeout;
    this.ttl = ttl;
    this.breaker =
        CircuitBreaker.of(
            "gateway-apq-redis",
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(1, failures))
                .minimumNumberOfCalls(Math.max(1, failures))
                .failureRateThreshold(100)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
    breaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              switch (event.getStateTransition().getToState()) {
                case OPEN ->
                    LOG.warnf(
                        "Redis for persisted queries is failing: using the in-process cache only,"
                            + " next try in %s",
                        openFor);
                case CLOSED -> LOG.info("Redis for persisted queries answers again");
                default -> {}
              }
            });
  }

  /** The text stored under {@code hash}; empty when absent, and when Redis cannot be asked. */
  public CompletableFuture<Optional<String>> get(String hash) {
    return send(Request.cmd(Command.GET).arg(PREFIX + hash))
        .thenApply(
            reply ->
                reply.flatMap(
                    r -> r.value() == null ? Optional.empty() : Optional.of(r.value().toString())));
  }

  /** Stores {@code query} under {@code hash} with the TTL; completes when done or given up. */
  public CompletableFuture<Boolean> put(String hash, String query) {
    return send(Request.cmd(Command.SET)
            .arg(PREFIX + hash)
            .arg(query)
            .arg("EX")
            .arg(Math.max(1, ttl.toSeconds())))
        .thenApply(Optional::isPresent);
  }

  public boolean skippingRedis() {
    return breaker.getState() == CircuitBreaker.State.OPEN;
  }

  /** Empty when skipped or failed; otherwise the reply (whose value is null for a missing key). */
  private CompletableFuture<Optional<Reply>> send(Request request) {
    if (!breaker.tryAcquirePermission()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    long start = System.nanoTime();
    CompletableFuture<Response> sent;
    try {
      sent =
          redis
              .send(request)
              .toCompletionStage()
              .toCompletableFuture()
              .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.handle(
        (response, failure) -> {
          long took = System.nanoTime() - start;
          if (failure != null) {
            breaker.onError(took, TimeUnit.NANOSECONDS, failure);
            LOG.debugf("Redis for persisted queries failed: %s", failure.toString());
            return Optional.empty();
          }
          breaker.onSuccess(took, TimeUnit.NANOSECONDS);
          return Optional.of(new Reply(response));
        });
  }

  /** What Redis answered; {@code value} is null for a missing key. */
  private record Reply(Response value) {}
}
