package dev.podgraph.gateway.execute;

import java.time.Duration;

/**
 * How the circuit breaker of one subgraph behaves. It opens when, among the last {@code
 * slidingWindowSize} calls and once at least {@code minimumCalls} were made, the share of failed
 * ones reaches {@code failureRateThreshold} percent; while open every call fails at once; after
 * {@code openDuration} it lets {@code halfOpenCalls} probe calls through and closes when they
 * succeed (or opens again when they fail).
 */
public record CircuitBreakerSettings(
    boolean enabled,
    int failureRateThreshold,
    int slidingWindowSize,
    int minimumCalls,
    Duration openDuration,
    int halfOpenCalls) {

  public CircuitBreakerSettings {
    if (failureRateThreshold < 1 || failureRateThreshold > 100) {
      throw new IllegalArgumentException(
          "circuit breaker failure-rate-threshold must be 1..100, not " + failureRateThreshold);
    }
    if (slidingWindowSize < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
      throw new IllegalArgumentException(
          "circuit breaker sliding-window-size, minimum-calls and half-open-calls must be >= 1");
    }
    if (openDuration.isNegative() || openDuration.isZero()) {
      throw new IllegalArgumentException("circuit breaker open-duration must be positive");
    }
  }

  /** The defaults of {@code gateway.circuit-breaker.*}. */
  public static CircuitBreakerSettings defaults() {
    return new CircuitBreakerSettings(true, 50, 10, 5, Duration.ofSeconds(1), 1);
  }
}
