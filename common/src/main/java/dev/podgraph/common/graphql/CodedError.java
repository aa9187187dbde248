package dev.podgraph.common.graphql;

import dev.podgraph.rules.ErrorCode;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GraphQL error as the client sees it: message, locations, path and {@code extensions.code} only.
 * graphql-java's own errors add {@code extensions.classification} (a framework name) when
 * serialised; this one's specification has nothing but the code.
 */
// GraphQLError extends Serializable; these errors are written as JSON, never Java-serialised.
@SuppressWarnings("serial")
final class CodedError implements GraphQLError {
  private static final long serialVersionUID = 1L;

  /** The classification graphql-java asks for; never written to the response. */
  enum Coded implements ErrorClassification {
    CODED
  }

  private final String message;
  private final ErrorCode code;
  private final List<SourceLocation> locations;
  private final List<Object> path;

  CodedError(String message, ErrorCode code, List<SourceLocation> locations, List<Object> path) {
    // SmallRye's message numbers ("SRGQL000021: ") name the framework, not the mistake.
    this.message = message == null ? "" : message.replaceAll("SRGQL\\d+: ", "");
    this.code = code;
    this.locations = locations == null ? List.of() : List.copyOf(locations);
    this.path = path == null ? null : List.copyOf(path);
  }

  ErrorCode code() {
    return code;
  }

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public List<SourceLocation> getLocations() {
    return locations;
  }

  @Override
  public ErrorClassification getErrorType() {
    return Coded.CODED;
  }

  @Override
  public List<Object> getPath() {
    return path;
  }

  @Override
  public Map<String, Object> getExtensions() {
    return Map.of("code", code.name());
  }

  @Override
  public Map<String, Object> toSpecification() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("message", message);
    if (!locations.isEmpty()) {
      spec.put(
          "locations",
          locations.stream()
              .map(l -> Map.of("line", l.getLine(), "column", l.getColumn()))
              .toList());
    }
    if (path != null) {
      spec.put("path", path);
    }
    spec.put("extensions", getExtensions());
    return spec;
  }
}
