package dev.podgraph.gateway.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/** The gateway's request-level meters; per-subgraph latency lives in the subgraph client. */
public final class GatewayMetrics {

  private final MeterRegistry registry;
  private final Counter planHits;
  private final Counter planMisses;
  private final DistributionSummary cost;
  private final Counter heavyRefused;

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.planHits = Counter.builder("gateway.plan.cache").tag("result", "hit").register(registry);
    this.planMisses =
        Counter.builder("gateway.plan.cache").tag("result", "miss").register(registry);
    this.cost =
        DistributionSummary.builder("gateway.operation.cost")
            .description("Estimated cost of each operation (demand control)")
            .register(registry);
    this.heavyRefused = Counter.builder("gateway.heavy.refused").register(registry);
  }

  public void request(String kind) {
    registry.counter("gateway.requests", "kind", kind).increment();
  }

  public void error(String code) {
    registry.counter("gateway.errors", "code", code).increment();
  }

  /** The estimated cost of an admitted or refused operation (demand control). */
  public void cost(long estimated) {
    cost.record(estimated);
  }

  /** An expensive operation refused because the allowed number of them were running. */
  public void heavyRefused() {
    heavyRefused.increment();
  }

  public void planCache(boolean hit) {
    (hit ? planHits : planMisses).increment();
  }
}
