package dev.podgraph.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Stored timestamps: what PostgreSQL keeps (microseconds), so a re-read equals what was returned.
 */
public final class Timestamps {
  private Timestamps() {}

  /** The clock's instant, truncated to microseconds. */
  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
