package dev.podgraph.gateway.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.gateway.config.GatewayRuntime;
import dev.podgraph.gateway.response.ErrorCode;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code POST /graphql} and {@code GET /graphql} per GraphQL over HTTP. */
@ApplicationScoped
public class GraphQLRoutes {

  private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private final GatewayRuntime runtime;
  private final ObjectMapper mapper;

  public GraphQLRoutes(GatewayRuntime runtime, ObjectMapper mapper) {
    this.runtime = runtime;
    this.mapper = mapper;
  }

  void register(@Observes Router router) {
    long limit = runtime.config().limits().maxBodyBytes();
    router
        .post("/graphql")
        .handler(BodyHandler.create(false).setBodyLimit(limit))
        .handler(this::post)
        .failureHandler(this::failure);
    router.get("/graphql").handler(this::get).failureHandler(this::failure);
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
      body = mapper.readValue(context.body().buffer().getBytes(), JSON_OBJECT);
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
        body.put("variables", mapper.readValue(variables, JSON_OBJECT));
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
        body.put("extensions", mapper.readValue(extensions, JSON_OBJECT));
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
    String message =
        status == 413 ? "The request body is larger than the gateway accepts." : "Bad request.";
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
