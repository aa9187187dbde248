package dev.podgraph.common.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one {@link Clock} every subgraph service's timestamps come from (UTC): inject it, never call
 * {@code Instant.now()}; one place to swap it.
 */
@Singleton
public class ClockProducer {
  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
