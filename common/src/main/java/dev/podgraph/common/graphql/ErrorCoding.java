package dev.podgraph.common.graphql;

import dev.podgraph.common.error.ErrorTranslator;
import dev.podgraph.common.error.PodgraphException;
import dev.podgraph.rules.ErrorCode;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.execution.UnknownOperationException;
import graphql.validation.ValidationError;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The closed set of codes on the errors graphql-java reports itself, before any resolver runs:
 * syntax, validation, variable coercion, operation selection, the limits. Resolver errors ({@link
 * ExceptionWhileDataFetching}) are left alone: common's {@code ErrorTranslator} and extension
 * providers have coded them already.
 */
final class ErrorCoding {
  private static final Logger LOG = Logger.getLogger(ErrorCoding.class);

  private static final Set<String> CODES =
      Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

  private ErrorCoding() {}

  static GraphQLError coded(GraphQLError error) {
    if (error instanceof CodedError) {
      return error;
    }
    if (error instanceof ExceptionWhileDataFetching fetching) {
      // A PodgraphException came through common's interceptor and providers, coded with its
      // violations. Anything else failed before a resolver (SmallRye's scalars turning arguments
      // into Java): SmallRye would code it from its class name ("coercing-parse-literal").
      if (isPodgraph(fetching.getException())) {
        return error;
      }
      PodgraphException translated = ErrorTranslator.translate(fetching.getException());
      return new CodedError(
          translated.getMessage(), translated.code(), error.getLocations(), error.getPath());
    }
    ErrorCode code = codeOf(error);
    if (code == ErrorCode.INTERNAL) {
      LOG.warnf("GraphQL error without a known cause, coded INTERNAL: %s", error.getMessage());
    }
    return new CodedError(error.getMessage(), code, error.getLocations(), error.getPath());
  }

  private static boolean isPodgraph(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PodgraphException) {
        return true;
      }
    }
    return false;
  }

  static ErrorCode codeOf(GraphQLError error) {
    Map<String, Object> extensions = error.getExtensions();
    if (extensions != null
        && extensions.get("code") instanceof String code
        && CODES.contains(code)) {
      return ErrorCode.valueOf(code);
    }
    if (error instanceof InvalidSyntaxError || error.getErrorType() == ErrorType.InvalidSyntax) {
      return ErrorCode.GRAPHQL_PARSE_FAILED;
    }
    if (error instanceof ValidationError) {
      // Literals that do not fit their type included: the document itself is invalid, as the
      // gateway and Apollo's servers report it.
      return ErrorCode.GRAPHQL_VALIDATION_FAILED;
    }
    if (error instanceof UnknownOperationException) {
      return ErrorCode.OPERATION_RESOLUTION_FAILURE;
    }
    if (error.getErrorType() == ErrorType.ValidationError) {
      // graphql-java classifies variable values that do not coerce (a string for an Int, an
      // out-of-range number, null for a non-null type, unknown input fields) this way.
      return ErrorCode.BAD_USER_INPUT;
    }
    if (error.getErrorType() == ErrorType.ExecutionAborted) {
      return ErrorCode.GRAPHQL_VALIDATION_FAILED;
    }
    return ErrorCode.INTERNAL;
  }
}
