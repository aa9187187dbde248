package dev.podgraph.gateway.execute;

import dev.podgraph.gateway.supergraph.Subgraph;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One circuit breaker per subgraph (Resilience4j) in front of another client: while a subgraph's
 * breaker is open its requests fail at once with {@link
 * SubgraphUnavailableException.Reason#CIRCUIT_OPEN} and nothing is sent. A request counts as failed
 * when it produced no GraphQL answer (timeout, transport failure, a body that is not GraphQL); a
 * GraphQL answer with errors is a success.
 */
public final class CircuitBreakingSubgraphClient implements SubgraphClient {

  private static final Logger LOG = Logger.getLogger(CircuitBreakingSubgraphClient.class);

  private final SubgraphClient delegate;
  private final Function<String, CircuitBreakerSettings> settings;
  private final Clock clock;
  private final MeterRegistry registry;
  private final Map<String, Guard> guards = new ConcurrentHashMap<>();

  /**
   * @param settings the breaker settings of each subgraph, by name
   * @param clock measures the open period (tests move it instead of waiting)
   */
  public CircuitBreakingSubgraphClient(
      SubgraphClient delegate,
      Function<String, CircuitBreakerSettings> settings,
      Clock clock,
      MeterRegistry registry) {
    this.delegate = delegate;
    this.settings = settings;
    this.clock = clock;
    this.registry = registry;
  }

  /** The breaker's state for metrics and tests: CLOSED, OPEN, HALF_OPEN or DISABLED. */
  public CircuitBreaker.State state(String subgraph) {
    Guard guard = guards.get(subgraph);
    return guard == null ? CircuitBreaker.State.CLOSED : guard.breaker.getState();
  }

  @Override
  public CompletionStage<SubgraphResponse> send(
      Subgraph subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {
    Guard guard = guards.computeIfAbsent(subgraph.name(), this::guard);
    CircuitBreaker breaker = guard.breaker;
    if (!breaker.tryAcquirePermission()) {
      guard.rejected.increment();
      return CompletableFuture.failedFuture(
          new SubgraphUnavailableException(
              subgraph.name(), SubgraphUnavailableException.Reason.CIRCUIT_OPEN, null));
    }
    long started = System.nanoTime();
    CompletionStage<SubgraphResponse> sent;
    try {
      sent = delegate.send(subgraph, query, variables, headers);
    } catch (RuntimeException e) {
      breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
      return CompletableFuture.failedFuture(e);
    }
    return sent.whenComplete(
        (answer, failure) -> {
          long elapsed = System.nanoTime() - started;
          if (failure == null) {
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
          } else {
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
          }
        });
  }

  private record Guard(CircuitBreaker breaker, Counter rejected) {}

  private Guard guard(String subgraph) {
    CircuitBreakerSettings s = settings.apply(subgraph);
    CircuitBreaker breaker =
        CircuitBreaker.of(
            subgraph,
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.slidingWindowSize())
                .minimumNumberOfCalls(s.minimumCalls())
                .failureRateThreshold(s.failureRateThreshold())
                .waitDurationInOpenState(s.openDuration())
                .permittedNumberOfCallsInHalfOpenState(s.halfOpenCalls())
                .clock(clock)
                .build());
    if (!s.enabled()) {
      breaker.transitionToDisabledState();
    }
    breaker
        .getEventPublisher()
        .onStateTransition(
            event ->
                LOG.warnf(
                    "subgraph %s: circuit breaker %s",
                    subgraph, event.getStateTransition().toString()));
    Gauge.builder("gateway.subgraph.circuit.state", breaker, b -> code(b.getState()))
        .description("Circuit breaker of a subgraph: 0 closed, 1 half-open, 2 open, -1 disabled")
        .tag("subgraph", subgraph)
        .register(registry);
    Counter rejected =
        Counter.builder("gateway.subgraph.rejected")
            .description("Subgraph requests failed at once because the circuit breaker was open")
            .tag("subgraph", subgraph)
            .register(registry);
    return new Guard(breaker, rejected);
  }

  private static double code(CircuitBreaker.State state) {
    return switch (state) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN, FORCED_OPEN -> 2;
      case DISABLED, METRICS_ONLY -> -1;
    };
  }
}
