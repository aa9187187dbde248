package dev.podgraph.common.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A circuit breaker small enough to read in one go: after {@code threshold} consecutive failures it
 * opens for {@code openFor}, during which callers skip Redis entirely (a dead Redis costs nothing
 * per request). Once that time is up the next callers probe again; one success closes it.
 */
public final class RedisBreaker {
  private final int threshold;
  private final Duration openFor;
  private final Clock clock;
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private final AtomicLong openUntilMillis = new AtomicLong();

  public RedisBreaker(int threshold, Duration openFor, Clock clock) {
    this.threshold = Math.max(1, threshold);
    this.openFor = openFor;
    this.clock = clock;
  }

  /** Whether a caller may try Redis now. */
  public boolean allows() {
    return clock.millis() >= openUntilMillis.get();
  }

  public boolean open() {
    return !allows();
  }

  public void success() {
    consecutiveFailures.set(0);
    openUntilMillis.set(0);
  }

  public void failure() {
    if (consecutiveFailures.incrementAndGet() >= threshold) {
      openUntilMillis.set(clock.millis() + openFor.toMillis());
    }
  }
}
