package dev.podgraph.common.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.podgraph.common.graphql.GraphQLLimits;
import dev.podgraph.rules.ErrorCode;
import dev.podgraph.rules.http.GraphQLHttpRules;
import dev.podgraph.rules.http.GraphQLHttpRules.Refusal;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one front door of a subgraph's {@code /graphql}: every request is checked against the
 * GraphQL-over-HTTP rules ({@link GraphQLHttpRules}, shared with the gateway) before SmallRye
 * GraphQL sees it. Refused: other methods than POST (405 with {@code Allow}), bodies that are not
 * JSON (415), responses the client cannot read (406), bodies over {@link
 * GraphQLLimits#maxBodyBytes()} (413, from the Content-Length header when sent), and bodies that
 * are not exactly one JSON object of the right shape (400). Each answer is a GraphQL error with
 * {@code extensions.code}; refusals are client mistakes, logged at DEBUG only.
 */
@ApplicationScoped
public class GraphQLFrontDoor {
  private static final Logger LOG = Logger.getLogger(GraphQLFrontDoor.class);

  static final String PATH = "/graphql";

  /**
   * Before Quarkus's own body-size check ({@value RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}), which
   * answers a bare 413, and before SmallRye GraphQL's route.
   */
  static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

  /** How long the unread rest of a too-large body is discarded before the connection closes. */
  private static final long LINGER_MILLIS = 1000;

  private final long limit;
  private final ObjectMapper mapper;
  private final ObjectReader jsonObject;

  public GraphQLFrontDoor(GraphQLLimits limits, ObjectMapper mapper) {
    this.limit = limits.maxBodyBytes();
    this.mapper = mapper;
    this.jsonObject =
        mapper
            .readerFor(new TypeReference<Map<String, Object>>() {})
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  void install(@Observes Router router) {
    // Two routes of one order run in the order added; Vert.x wants a body handler first on its own.
    router.route(PATH).order(ORDER).handler(this::screen);
    router
        .post(PATH)
        .order(ORDER)
        .handler(BodyHandler.create(false).setBodyLimit(limit))
        .handler(this::parse)
        .failureHandler(this::failure);
  }

  /** Method, media types and declared length: decided from the headers alone. */
  void screen(RoutingContext context) {
    HttpServerRequest request = context.request();
    Optional<Refusal> refusal =
        GraphQLHttpRules.method(request.method().name(), "POST")
            .or(() -> GraphQLHttpRules.contentType(request.getHeader("content-type")))
            .or(() -> unacceptable(request.getHeader("accept")))
            .or(() -> declaredTooLarge(request.getHeader("content-length")));
    if (refusal.isPresent()) {
      refuse(context, refusal.get());
    } else {
      context.next();
    }
  }

  /** Exactly one JSON object whose members have the types the specification names. */
  void parse(RoutingContext context) {
    RequestBody body = context.body();
    Buffer bytes = body == null ? null : body.buffer();
    Map<String, Object> request;
    try {
      request =
          bytes == null || bytes.length() == 0 ? null : jsonObject.readValue(bytes.getBytes());
    } catch (Exception e) {
      request = null;
    }
    if (request == null) {
      refuse(context, GraphQLHttpRules.notAJsonObject("The request body"));
      return;
    }
    Map<String, Object> members = request;
    Optional<Refusal> refusal =
        GraphQLHttpRules.members(members, true)
            .or(() -> unparseable((String) members.get("query")));
    if (refusal.isPresent()) {
      refuse(context, refusal.get());
    } else {
      context.next();
    }
  }

  /**
   * A document graphql-java cannot parse (with the parser's token limits) is answered here:
   * SmallRye GraphQL would answer it itself, before any instrumentation, without a code. Status
   * 200, as GraphQL over HTTP has it for {@code application/json} answers (and the gateway does).
   */
  private static Optional<Refusal> unparseable(String query) {
    try {
      new Parser()
          .parseDocument(
              ParserEnvironment.newParserEnvironment()
                  .document(query)
                  .parserOptions(ParserOptions.getDefaultOperationParserOptions())
                  .build());
      return Optional.empty();
    } catch (InvalidSyntaxException e) {
      return Optional.of(new Refusal(200, ErrorCode.GRAPHQL_PARSE_FAILED, e.getMessage()));
    }
  }

  /** A body larger than the limit without a Content-Length (chunked) fails in the body handler. */
  void failure(RoutingContext context) {
    if (context.statusCode() == 413) {
      refuse(context, GraphQLHttpRules.tooLarge(limit));
    } else if (context.statusCode() == 400) {
      refuse(context, GraphQLHttpRules.notAJsonObject("The request body"));
    } else {
      context.next();
    }
  }

  private Optional<Refusal> declaredTooLarge(String length) {
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > limit) {
          return Optional.of(GraphQLHttpRules.tooLarge(limit));
        }
      } catch (NumberFormatException e) {
        return Optional.empty(); // the HTTP codec refuses such requests before they reach a route
      }
    }
    return Optional.empty();
  }

  /**
   * 406 when the Accept header names no JSON type SmallRye GraphQL can answer with (it would send a
   * bare 406 itself).
   */
  private static Optional<Refusal> unacceptable(String accept) {
    if (accept == null || accept.isBlank()) {
      return Optional.empty();
    }
    for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
      String type = range.split(";", 2)[0].trim();
      if (type.startsWith("application/json")
          || type.startsWith("application/graphql+json")
          || type.startsWith("*/*")) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new Refusal(
            406,
            ErrorCode.BAD_USER_INPUT,
            "This server answers with application/json; accept it."));
  }

  private void refuse(RoutingContext context, Refusal refusal) {
    if (context.response().ended()) {
      return;
    }
    LOG.debugf(
        "Refused %s %s: %d %s",
        context.request().method(), PATH, refusal.status(), refusal.message());
    var response = context.response().setStatusCode(refusal.status());
    if (refusal.allow() != null) {
      response.putHeader("allow", refusal.allow());
    }
    boolean unread = refusal.status() == 413 && !context.request().isEnded();
    if (unread) {
      response.putHeader("connection", "close");
    }
    try {
      response
          .putHeader("content-type", "application/json; charset=utf-8")
          .end(Buffer.buffer(mapper.writeValueAsBytes(refusal.body())));
    } catch (Exception e) {
      response.end();
    }
    if (unread) {
      discardTheRest(context);
    }
  }

  /**
   * The rest of a refused body is read and dropped for at most {@link #LINGER_MILLIS}, so that a
   * client still writing gets to read the answer instead of a reset, then the connection closes.
   */
  private static void discardTheRest(RoutingContext context) {
    HttpServerRequest request = context.request();
    var connection = request.connection();
    long timer = context.vertx().setTimer(LINGER_MILLIS, id -> connection.close());
    request.handler(ignored -> {});
    request.endHandler(ignored -> context.vertx().cancelTimer(timer));
    request.resume();
  }
}
