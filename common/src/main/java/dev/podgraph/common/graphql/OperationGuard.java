package dev.podgraph.common.graphql;

import dev.podgraph.rules.ErrorCode;
import dev.podgraph.rules.graphql.OperationMeasure;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A graphql-java instrumentation of the subgraph: refuses an operation deeper or larger than {@link
 * GraphQLLimits} once it has validated and before anything runs (measured by rules' {@link
 * OperationMeasure}, linear even for fragment bombs), and gives every error graphql-java reports
 * the project's {@code extensions.code} without framework names ({@link ErrorCoding}).
 */
final class OperationGuard extends SimplePerformantInstrumentation {
  private final int maxDepth;
  private final int maxFields;

  OperationGuard(int maxDepth, int maxFields) {
    this.maxDepth = maxDepth;
    this.maxFields = maxFields;
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    ExecutionContext execution = parameters.getExecutionContext();
    OperationMeasure measure =
        OperationMeasure.of(execution.getDocument(), execution.getOperationDefinition());
    if (measure.depth() > maxDepth) {
      throw refused(
          "Operation is nested "
              + measure.depth()
              + " deep; the limit is "
              + maxDepth
              + " (podgraph.graphql.max-depth).");
    }
    if (measure.fields() > maxFields) {
      throw refused(
          "Operation selects "
              + measure.fields()
              + " fields; the limit is "
              + maxFields
              + " (podgraph.graphql.max-fields).");
    }
    Representations.check(execution);
    return super.beginExecuteOperation(parameters, state);
  }

  private static AbortExecutionException refused(String message) {
    return refused(message, ErrorCode.GRAPHQL_VALIDATION_FAILED);
  }

  static AbortExecutionException refused(String message, ErrorCode code) {
    return new AbortExecutionException(
        List.<GraphQLError>of(new CodedError(message, code, null, null)));
  }

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(
      ExecutionResult result,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    if (result.getErrors().isEmpty()) {
      return CompletableFuture.completedFuture(result);
    }
    List<GraphQLError> coded = result.getErrors().stream().map(ErrorCoding::coded).toList();
    return CompletableFuture.completedFuture(
        ExecutionResultImpl.newExecutionResult().from(result).errors(coded).build());
  }
}
