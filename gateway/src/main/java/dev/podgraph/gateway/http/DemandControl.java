package dev.podgraph.gateway.http;

import dev.podgraph.gateway.config.GatewayConfig;
import dev.podgraph.gateway.cost.CostCalculator;
import dev.podgraph.rules.ErrorCode;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Demand control: estimates each operation's cost before it is planned ({@link CostCalculator}),
 * refuses one above {@code gateway.limits.max-cost} with {@code COST_ESTIMATED_TOO_EXPENSIVE} (mode
 * {@code enforce}; {@code measure} only records), and lets at most {@code
 * gateway.limits.max-heavy-operations} operations of at least {@code gateway.limits.heavy-cost} run
 * at once, refusing more with {@code UNAVAILABLE} (HTTP 503) at once, so a client sending expensive
 * operations cannot take the whole gateway and its subgraphs from everyone else.
 */
final class DemandControl {

  /** What an admitted operation holds until its answer is sent. */
  interface Permit {
    void release();
  }

  private static final Permit LIGHT = () -> {};

  private final GatewayConfig.Limits limits;
  private final boolean enforce;
  private final Semaphore heavy;
  private final GatewayMetrics metrics;

  DemandControl(GatewayConfig.Limits limits, GatewayMetrics metrics) {
    this.limits = limits;
    String mode = limits.costMode().toLowerCase(Locale.ROOT);
    if (!mode.equals("enforce") && !mode.equals("measure")) {
      throw new IllegalArgumentException(
          "gateway.limits.cost-mode must be enforce or measure, not " + limits.costMode());
    }
    this.enforce = mode.equals("enforce");
    this.heavy = new Semaphore(Math.max(0, limits.maxHeavyOperations()));
    this.metrics = metrics;
  }

  Permit admit(
      ServingState state,
      Document document,
      OperationDefinition operation,
      Map<String, Object> variables) {
    long cost =
        new CostCalculator(state.schema().api(), state.costDirectives(), limits.assumedListSize())
            .estimate(document, operation, variables);
    metrics.cost(cost);
    if (!enforce) {
      return LIGHT;
    }
    if (cost > limits.maxCost()) {
      throw new RequestRefusedException(
          ErrorCode.COST_ESTIMATED_TOO_EXPENSIVE,
          400,
          "The operation's estimated cost is "
              + cost
              + "; the limit is "
              + limits.maxCost()
              + ". Ask for smaller pages (first: ...) or fewer nested lists.");
    }
    if (cost < limits.heavyCost()) {
      return LIGHT;
    }
    if (!heavy.tryAcquire()) {
      metrics.heavyRefused();
      throw new RequestRefusedException(
          ErrorCode.UNAVAILABLE,
          503,
          "Too many expensive operations (estimated cost "
              + cost
              + ", "
              + limits.maxHeavyOperations()
              + " at once) are running; retry shortly.");
    }
    return heavy::release;
  }
}
