package dev.podgraph.rules.http;

import dev.podgraph.rules.ErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a well-formed GraphQL-over-HTTP request is (the GraphQL over HTTP specification), decided
 * once for the gateway and the subgraph services. Each reads the body with its own JSON library
 * (one JSON value, trailing tokens refused) and hands the result here; a request that breaks a rule
 * is refused with the {@link Refusal} returned, before any GraphQL work.
 */
public final class GraphQLHttpRules {
  private GraphQLHttpRules() {}

  /** The media types a POST body may have: JSON, and the older GraphQL JSON name. */
  private static final String[] BODY_TYPES = {"application/json", "application/graphql+json"};

  /** Why a request is refused: its HTTP status, code and message, and an {@code Allow} header. */
  public record Refusal(int status, ErrorCode code, String message, String allow) {
    public Refusal(int status, ErrorCode code, String message) {
      this(status, code, message, null);
    }

    /** The GraphQL response body of the refusal: one error with its code. */
    public Map<String, Object> body() {
      return Map.of("errors", java.util.List.of(code.error(message)));
    }
  }

  /** 405 for any method but those allowed; {@code allow} is the value of the Allow header. */
  public static Optional<Refusal> method(String method, String allow) {
    for (String allowed : allow.split(",")) {
      if (allowed.trim().equalsIgnoreCase(method)) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new Refusal(
            405,
            ErrorCode.BAD_USER_INPUT,
            "Method " + method + " is not allowed here; use " + allow + ".",
            allow));
  }

  /** 415 unless the body is declared as JSON (parameters such as charset are allowed). */
  public static Optional<Refusal> contentType(String header) {
    if (header != null) {
      String type = header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      for (String accepted : BODY_TYPES) {
        if (type.equals(accepted)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(
        new Refusal(415, ErrorCode.BAD_USER_INPUT, "Send the request as application/json."));
  }

  /** 400: the body (or a JSON parameter) is not exactly one JSON object. */
  public static Refusal notAJsonObject(String what) {
    return new Refusal(400, ErrorCode.BAD_USER_INPUT, what + " is not a JSON object.");
  }

  /** 413: the body is larger than {@code limit} bytes. */
  public static Refusal tooLarge(long limit) {
    return new Refusal(
        413,
        ErrorCode.BAD_USER_INPUT,
        "The request body is larger than the " + limit + " bytes this server accepts.");
  }

  /**
   * 400 when a member has the wrong JSON type: {@code query}, {@code operationName} (and {@code
   * documentId}) strings, {@code variables} and {@code extensions} objects; each may be absent or
   * null. With {@code queryRequired}, a missing {@code query} is refused too (a server without
   * persisted queries has nothing else to run).
   */
  public static Optional<Refusal> members(Map<String, ?> body, boolean queryRequired) {
    Object query = body.get("query");
    if (query == null && queryRequired) {
      return bad("The request has no query.");
    }
    if (query != null && !(query instanceof String)) {
      return bad("query must be a string.");
    }
    if (!isNullOr(body.get("operationName"), String.class)) {
      return bad("operationName must be a string.");
    }
    if (!isNullOr(body.get("documentId"), String.class)) {
      return bad("documentId must be a string.");
    }
    if (!isNullOr(body.get("variables"), Map.class)) {
      return bad("variables must be an object.");
    }
    if (!isNullOr(body.get("extensions"), Map.class)) {
      return bad("extensions must be an object.");
    }
    return Optional.empty();
  }

  private static boolean isNullOr(Object value, Class<?> type) {
    return value == null || type.isInstance(value);
  }

  private static Optional<Refusal> bad(String message) {
    return Optional.of(new Refusal(400, ErrorCode.BAD_USER_INPUT, message));
  }
}
