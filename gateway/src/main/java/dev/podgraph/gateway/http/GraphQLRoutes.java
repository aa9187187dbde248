package dev.podgraph.gateway.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.podgraph.gateway.config.GatewayRuntime;
import dev.podgraph.rules.ErrorCode;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/** {@code POST /graphql} and {@code GET /graphql} per GraphQL over HTTP. */
@ApplicationScoped
public class GraphQLRoutes {

  private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private static final String TOO_LARGE = "The request body is larger than the gateway accepts.";

  /**
   * Before Quarkus's own body-size check ({@code quarkus.http.limits.max-body-size}, order {@value
   * RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}), which answers a bare 413 without a GraphQL body.
   */
  static final int DECLARED_LENGTH_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

  /** How long the unread rest of a too-large body is discarded before the connection is closed. */
  static final long LINGER_MILLIS = 1000;

  private final GatewayRuntime runtime;
  private final ObjectMapper mapper;

  /** Exactly one JSON value per body or parameter: anything after it is refused, not ignored. */
  private final ObjectReader jsonObject;

  public GraphQLRoutes(GatewayRuntime runtime, ObjectMapper mapper) {
    this.runtime = runtime;
    this.mapper = mapper;
    this.jsonObject =
        mapper.readerFor(JSON_OBJECT).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  void register(@Observes Router router) {
    long limit = runtime.config().limits().maxBodyBytes();
    checkAgainstServerLimit(
        limit,
        ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
            .map(MemorySize::asLongValue));
    // A declared Content-Length over the limit is refused from the headers, the body never read.
    router
        .post("/graphql")
        .order(DECLARED_LENGTH_ORDER)
        .handler(context -> refuseDeclaredLength(context, limit));
    router
        .post("/graphql")
        .handler(BodyHandler.create(false).setBodyLimit(limit))
        .handler(this::post)
        .failureHandler(this::failure);
    router.get("/graphql").handler(this::get).failureHandler(this::failure);
  }

  /**
   * The gateway's limit only answers when Quarkus's own (a bare 413, checked first for every path)
   * is not lower; a setting that could never take effect stops start-up.
   */
  static void checkAgainstServerLimit(long limit, Optional<Long> serverLimit) {
    serverLimit
        .filter(server -> server < limit)
        .ifPresent(
            server -> {
              throw new IllegalStateException(
                  "gateway.limits.max-body-bytes ("
                      + limit
                      + ") is above quarkus.http.limits.max-body-size ("
                      + server
                      + "): raise the latter to at least the former");
            });
  }

  private void refuseDeclaredLength(RoutingContext context, long limit) {
    String length = context.request().getHeader("content-length");
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        declared = -1; // the HTTP codec refuses such requests before they reach a route
      }
      if (declared > limit) {
        tooLarge(context);
        return;
      }
    }
    context.next();
  }

  /**
   * 413 with a GraphQL error. The rest of the body (maybe not even sent yet) is not read: over
   * HTTP/1.1 the answer says {@code connection: close}, what the client still sends is discarded
   * for at most {@link #LINGER_MILLIS} (so that a client still writing gets to read the answer
   * instead of a reset), then the connection is closed.
   */
  private void tooLarge(RoutingContext context) {
    HttpServerRequest request = context.request();
    boolean http1 = request.version() != HttpVersion.HTTP_2;
    if (http1) {
      context.response().putHeader("connection", "close");
    }
    refuse(context, 413, ErrorCode.BAD_USER_INPUT, TOO_LARGE);
    if (http1 && !request.isEnded()) {
      HttpConnection connection = request.connection();
      long timer = context.vertx().setTimer(LINGER_MILLIS, id -> connection.close());
      request.handler(ignored -> {});
      request.endHandler(ignored -> context.vertx().cancelTimer(timer));
      request.resume();
    }
  }

  private void post(RoutingContext context) {
    String contentType = context.request().getHeader("content-type");
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")
            && !contentType.toLowerCase(Locale.ROOT).startsWith("application/graphql+json")) {
      refuse(context, 415, ErrorCode.BAD_USER_INPUT, "Send the request as application/json.");
      return;
    }
    Map<String, Object> body;
    try {
      body = jsonObject.readValue(context.body().buffer().getBytes());
    } catch (Exception e) {
      refuse(context, 400, ErrorCode.BAD_USER_INPUT, "The request body is not a JSON object.");
      return;
    }
    if (body == null) {
      refuse(context, 400, ErrorCode.BAD_USER_INPUT, "The request body is not a JSON object.");
      return;
    }
    handle(context, body, false);
  }

  private void get(RoutingContext context) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", context.request().getParam("query"));
    body.put("operationName", context.request().getParam("operationName"));
    String variables = context.request().getParam("variables");
    if (variables != null && !variables.isBlank()) {
      try {
        body.put("variables", jsonObject.readValue(variables));
      } catch (Exception e) {
        refuse(
            context,
            400,
            ErrorCode.BAD_USER_INPUT,
            "The variables parameter is not a JSON object.");
        return;
      }
    }
    String extensions = context.request().getParam("extensions");
    if (extensions != null && !extensions.isBlank()) {
      try {
        body.put("extensions", jsonObject.readValue(extensions));
      } catch (Exception e) {
        refuse(
            context,
            400,
            ErrorCode.BAD_USER_INPUT,
            "The extensions parameter is not a JSON object.");
        return;
      }
    }
    handle(context, body, true);
  }

  @SuppressWarnings("unchecked")
  private void handle(RoutingContext context, Map<String, Object> body, boolean viaGet) {
    Object query = body.get("query");
    Object operationName = body.get("operationName");
    Object variables = body.get("variables");
    if (query != null && !(query instanceof String)
        || operationName != null && !(operationName instanceof String)
        || variables != null && !(variables instanceof Map)) {
      refuse(
          context,
          400,
          ErrorCode.BAD_USER_INPUT,
          "query and operationName must be strings and variables an object.");
      return;
    }
    if (query == null
        && body.get("extensions") instanceof Map<?, ?> extensions
        && extensions.containsKey("persistedQuery")) {
      // Automatic persisted queries are not kept: the client falls back to sending the text.
      refuse(context, 200, ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound");
      return;
    }
    if (runtime.processor() == null) {
      refuse(context, 503, ErrorCode.UNAVAILABLE, "The gateway is starting.");
      return;
    }
    GraphQLRequest request =
        new GraphQLRequest(
            (String) query, (String) operationName, (Map<String, Object>) variables, viaGet);
    runtime
        .processor()
        .process(request, forwarded(context.request()))
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                refuse(context, 500, ErrorCode.INTERNAL, "Internal server error.");
              } else {
                write(context, response);
              }
            });
  }

  private Map<String, String> forwarded(HttpServerRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : runtime.config().forwardHeaders()) {
      String value = request.getHeader(name.trim());
      if (value != null) {
        headers.put(name.trim().toLowerCase(Locale.ROOT), value);
      }
    }
    return headers;
  }

  private void write(RoutingContext context, ProcessedResponse response) {
    boolean modern = accepts(context, GRAPHQL_RESPONSE);
    int status = response.status();
    if (!modern && (response.requestError() && status == 400)) {
      status = 200; // application/json clients read errors from the body (GraphQL over HTTP)
    }
    send(context, status, modern ? GRAPHQL_RESPONSE : "application/json", response.body());
  }

  private void refuse(RoutingContext context, int status, ErrorCode code, String message) {
    String type = accepts(context, GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE : "application/json";
    send(context, status, type, Map.of("errors", List.of(code.error(message))));
  }

  private void failure(RoutingContext context) {
    int status = context.statusCode() > 0 ? context.statusCode() : 500;
    if (status == 413) {
      tooLarge(context); // BodyHandler: Content-Length or, when chunked, the bytes read so far
      return;
    }
    String message = "Bad request.";
    refuse(context, status, status == 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_USER_INPUT, message);
  }

  private static boolean accepts(RoutingContext context, String type) {
    String accept = context.request().getHeader("accept");
    return accept != null && accept.contains(type);
  }

  private void send(RoutingContext context, int status, String type, Map<String, Object> body) {
    if (context.response().ended()) {
      return;
    }
    try {
      context
          .response()
          .setStatusCode(status)
          .putHeader("content-type", type + "; charset=utf-8")
          .end(io.vertx.core.buffer.Buffer.buffer(mapper.writeValueAsBytes(body)));
    } catch (Exception e) {
      context.response().setStatusCode(500).end();
    }
  }
}
