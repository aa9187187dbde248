package dev.podgraph.gateway.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.podgraph.gateway.config.GatewayRuntime;
import dev.podgraph.gateway.defer.DeferredResponder;
import dev.podgraph.gateway.persisted.PersistedOperations;
import dev.podgraph.rules.ErrorCode;
import dev.podgraph.rules.http.GraphQLHttpRules;
import dev.podgraph.rules.http.GraphQLHttpRules.Refusal;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.configuration.MemorySize;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.ConfigProvider;

/** {@code POST /graphql} and {@code GET /graphql} per GraphQL over HTTP. */
@ApplicationScoped
public class GraphQLRoutes {

  private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private static final String TOO_LARGE = "The request body is larger than the gateway accepts.";

  private final GatewayRuntime runtime;
  private final ObjectMapper mapper;
  private final PersistedOperations persisted;
  private final ExplorerPage explorer;
  private final DeferredResponder deferred;

  /** Exactly one JSON value per body or parameter: anything after it is refused, not ignored. */
  private final ObjectReader jsonObject;

  public GraphQLRoutes(GatewayRuntime runtime, ObjectMapper mapper, PersistedOperations persisted) {
    this.runtime = runtime;
    this.persisted = persisted;
    this.explorer = new ExplorerPage(runtime.config().explorer());
    this.deferred = new DeferredResponder(mapper);
    this.mapper = mapper;
    this.jsonObject =
        mapper.readerFor(JSON_OBJECT).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  void register(@Observes Router router) {
    long limit = runtime.config().limits().maxBodyBytes();
    BodyLimit.checkAgainstServerLimit(
        limit,
        ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
            .map(MemorySize::asLongValue));
    // A declared Content-Length over the limit is refused from the headers, the body never read.
    router
        .post("/graphql")
        .order(BodyLimit.DECLARED_LENGTH_ORDER)
        .handler(context -> BodyLimit.refuseDeclaredLength(context, limit, this::tooLarge));
    router
        .post("/graphql")
        .handler(BodyHandler.create(false).setBodyLimit(limit))
        .handler(this::post)
        .failureHandler(this::failure);
    router
        .get("/graphql")
        .handler(explorer::handle)
        .handler(this::get)
        .failureHandler(this::failure);
    // Any other method: 405 with Allow and a coded body, instead of Vert.x's bare 405.
    router
        .route("/graphql")
        .handler(
            context ->
                GraphQLHttpRules.method(context.request().method().name(), "GET, POST")
                    .ifPresentOrElse(refusal -> refuse(context, refusal), context::next));
  }

  private void post(RoutingContext context) {
    Optional<Refusal> unsupported =
        GraphQLHttpRules.contentType(context.request().getHeader("content-type"));
    if (unsupported.isPresent()) {
      refuse(context, unsupported.get());
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
    body.put("documentId", context.request().getParam("documentId"));
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
    Optional<Refusal> malformed = GraphQLHttpRules.members(body, false);
    if (malformed.isPresent()) {
      refuse(context, malformed.get());
      return;
    }
    if (runtime.processor() == null) {
      refuse(context, 503, ErrorCode.UNAVAILABLE, "The gateway is starting.");
      return;
    }
    // The server span Quarkus started for this request; made current again where the pipeline
    // continues, which may be on a Redis client's thread after a persisted-query lookup.
    Context trace = Context.current();
    persisted
        .resolve((String) query, body.get("documentId"), body.get("extensions"))
        .whenComplete(
            (resolution, failure) -> {
              if (failure != null) {
                refuse(context, 500, ErrorCode.INTERNAL, "Internal server error.");
              } else if (resolution.refused()) {
                Map<String, Object> error = resolution.code().error(resolution.message());
                write(context, new ProcessedResponse(resolution.status(), errors(error), true));
              } else {
                execute(
                    context,
                    trace,
                    new GraphQLRequest(
                        resolution.query(),
                        (String) operationName,
                        (Map<String, Object>) variables,
                        viaGet,
                        explainPlan(context)));
              }
            });
  }

  /** Apollo Router's header for developers; honoured only where the setting allows it. */
  private boolean explainPlan(RoutingContext context) {
    return runtime.config().exposeQueryPlan()
        && "true".equalsIgnoreCase(context.request().getHeader("apollo-query-plan-experimental"));
  }

  private void tooLarge(RoutingContext context) {
    refuse(context, 413, ErrorCode.BAD_USER_INPUT, TOO_LARGE);
  }

  private static Map<String, Object> errors(Map<String, Object> error) {
    return Map.of("errors", List.of(error));
  }

  @SuppressWarnings("try") // the Scope is only closed, never read
  private void execute(RoutingContext context, Context trace, GraphQLRequest request) {
    try (Scope ignored = trace.makeCurrent()) {
      execute(context, request);
    }
  }

  private void execute(RoutingContext context, GraphQLRequest request) {
    if (DeferredResponder.applies(context.request().getHeader("accept"), request)) {
      deferred.respond(
          runtime.processor(),
          request,
          forwarded(context.request()),
          context.response(),
          answer -> answer(context, answer));
      return;
    }
    answer(context, runtime.processor().process(request, forwarded(context.request())));
  }

  private void answer(RoutingContext context, CompletableFuture<ProcessedResponse> answer) {
    answer.whenComplete(
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

  private void refuse(RoutingContext context, Refusal refusal) {
    if (refusal.allow() != null) {
      context.response().putHeader("allow", refusal.allow());
    }
    refuse(context, refusal.status(), refusal.code(), refusal.message());
  }

  private void refuse(RoutingContext context, int status, ErrorCode code, String message) {
    String type = accepts(context, GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE : "application/json";
    send(context, status, type, Map.of("errors", List.of(code.error(message))));
  }

  private void failure(RoutingContext context) {
    int status = context.statusCode() > 0 ? context.statusCode() : 500;
    if (status == 413) {
      BodyLimit.tooLarge(
          context,
          this::tooLarge); // BodyHandler: Content-Length or, when chunked, the bytes read so far
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
      Compression.allow(context.response())
          .setStatusCode(status)
          .putHeader("content-type", type + "; charset=utf-8")
          .end(io.vertx.core.buffer.Buffer.buffer(mapper.writeValueAsBytes(body)));
    } catch (Exception e) {
      context.response().setStatusCode(500).end();
    }
  }
}
