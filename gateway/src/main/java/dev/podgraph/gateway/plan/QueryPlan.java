package dev.podgraph.gateway.plan;

import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import java.util.Optional;

/**
 * The plan of one client operation.
 *
 * @param selection the client's selection with fragments inlined and {@code @skip}/{@code
 *     @include} applied, which the response is shaped to
 * @param root the fetches; empty when the operation needs no subgraph (only {@code __typename} or
 *     introspection)
 * @param variableDefinitions the operation's, for the parts the gateway answers itself
 */
public record QueryPlan(
    OperationDefinition.Operation kind,
    String rootType,
    SelectionSet selection,
    Optional<PlanNode> root,
    java.util.List<graphql.language.VariableDefinition> variableDefinitions) {

  public QueryPlan {
    variableDefinitions = java.util.List.copyOf(variableDefinitions);
  }
}
