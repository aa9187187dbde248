package dev.podgraph.gateway.http;

import dev.podgraph.gateway.config.GatewayConfig;
import dev.podgraph.rules.ErrorCode;
import dev.podgraph.rules.graphql.OperationMeasure;
import graphql.language.Document;
import graphql.language.OperationDefinition;

/**
 * Refuses operations whose depth, aliases or fields as executed (rules' {@link OperationMeasure},
 * linear even for a fragment "bomb"; the subgraph services measure the same way) are over the
 * limits.
 */
public final class OperationLimits {

  private final GatewayConfig.Limits limits;

  public OperationLimits(GatewayConfig.Limits limits) {
    this.limits = limits;
  }

  /** Runs after validation, which has already refused fragment cycles. */
  public void check(Document document, OperationDefinition operation) {
    OperationMeasure measure = OperationMeasure.of(document, operation);
    if (measure.depth() > limits.maxDepth()) {
      refuse(
          "Operation is nested "
              + measure.depth()
              + " deep; the limit is "
              + limits.maxDepth()
              + ".");
    }
    if (measure.aliases() > limits.maxAliases()) {
      refuse(
          "Operation uses "
              + measure.aliases()
              + " aliases; the limit is "
              + limits.maxAliases()
              + ".");
    }
    if (measure.fields() > limits.maxFields()) {
      refuse(
          "Operation selects "
              + measure.fields()
              + " fields; the limit is "
              + limits.maxFields()
              + ".");
    }
  }

  private static void refuse(String message) {
    throw new RequestRefusedException(ErrorCode.GRAPHQL_VALIDATION_FAILED, 400, message);
  }
}
