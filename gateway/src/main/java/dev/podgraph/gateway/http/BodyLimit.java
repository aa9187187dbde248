package dev.podgraph.gateway.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Consumer;

/** The body-size limit of {@code POST /graphql}: refused from the headers when possible. */
final class BodyLimit {
  private BodyLimit() {}

  /**
   * Before Quarkus's own body-size check ({@code quarkus.http.limits.max-body-size}, order {@value
   * RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}), which answers a bare 413 without a GraphQL body.
   */
  static final int DECLARED_LENGTH_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

  /** How long the unread rest of a too-large body is discarded before the connection is closed. */
  static final long LINGER_MILLIS = 1000;

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

  static void refuseDeclaredLength(
      RoutingContext context, long limit, Consumer<RoutingContext> refuse) {
    String length = context.request().getHeader("content-length");
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        declared = -1; // the HTTP codec refuses such requests before they reach a route
      }
      if (declared > limit) {
        tooLarge(context, refuse);
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
  static void tooLarge(RoutingContext context, Consumer<RoutingContext> refuse) {
    HttpServerRequest request = context.request();
    boolean http1 = request.version() != HttpVersion.HTTP_2;
    if (http1) {
      context.response().putHeader("connection", "close");
    }
    refuse.accept(context);
    if (http1 && !request.isEnded()) {
      HttpConnection connection = request.connection();
      long timer = context.vertx().setTimer(LINGER_MILLIS, id -> connection.close());
      request.handler(ignored -> {});
      request.endHandler(ignored -> context.vertx().cancelTimer(timer));
      request.resume();
    }
  }
}
