package dev.podgraph.gateway.plan;

import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import java.util.Map;

/**
 * The operation a request selected, with fragment spreads replaced by inline fragments and
 * {@code @skip}/{@code @include} already decided.
 */
public record NormalizedOperation(
    OperationDefinition.Operation kind,
    SelectionSet selection,
    Map<String, VariableDefinition> variables) {

  public NormalizedOperation {
    variables = Map.copyOf(variables);
  }
}
