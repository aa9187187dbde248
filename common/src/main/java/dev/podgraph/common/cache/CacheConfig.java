package dev.podgraph.common.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code podgraph.cache.*}: how a service uses its Redis as a cache. */
@ConfigMapping(prefix = "podgraph.cache")
public interface CacheConfig {
  /** Start of every key, the service's short name ({@code catalog}, {@code guest}). */
  @WithDefault("${quarkus.application.name}")
  String prefix();

  /** Off: every read goes to the database, nothing touches Redis. */
  @WithDefault("true")
  boolean enabled();

  /** Longest wait for one Redis command before the read goes to the database instead. */
  @WithDefault("PT0.15S")
  Duration timeout();

  /** Longest wait for the readiness check's PING (not on any request's path). */
  @WithDefault("PT1S")
  Duration healthTimeout();

  /** Lifetime of an entry; also bounds staleness in the cases README.md lists. */
  @WithDefault("PT10M")
  Duration ttl();

  Breaker breaker();

  /** After {@code failures} Redis errors in a row, skip Redis for {@code openFor}. */
  interface Breaker {
    @WithDefault("3")
    int failures();

    @WithDefault("PT5S")
    Duration openFor();
  }
}
