package dev.podgraph.common.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RedisBreakerTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final RedisBreaker breaker = new RedisBreaker(3, Duration.ofSeconds(5), clock);

  @Test
  void staysClosedBelowTheThreshold() {
    breaker.failure();
    breaker.failure();
    assertTrue(breaker.allows());
  }

  @Test
  void opensAfterConsecutiveFailuresAndProbesAgainWhenTheTimeIsUp() {
    breaker.failure();
    breaker.failure();
    breaker.failure();
    assertFalse(breaker.allows());
    clock.advance(Duration.ofSeconds(4));
    assertFalse(breaker.allows());
    clock.advance(Duration.ofSeconds(1));
    assertTrue(breaker.allows());
  }

  @Test
  void aFailedProbeReopensItAtOnce() {
    for (int i = 0; i < 3; i++) {
      breaker.failure();
    }
    clock.advance(Duration.ofSeconds(5));
    breaker.failure();
    assertFalse(breaker.allows());
  }

  @Test
  void aSuccessResetsTheCount() {
    breaker.failure();
    breaker.failure();
    breaker.success();
    breaker.failure();
    breaker.failure();
    assertTrue(breaker.allows());
  }
}
