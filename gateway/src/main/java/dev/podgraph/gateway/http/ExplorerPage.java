package dev.podgraph.gateway.http;

import dev.podgraph.gateway.config.GatewayConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /graphql} from a browser (a request that accepts {@code text/html} and carries no
 * operation) gets a GraphiQL page that queries this endpoint; everything else goes on to the
 * GraphQL handler. Off with {@code gateway.explorer.enabled=false} (production).
 */
final class ExplorerPage {
  private final boolean enabled;
  private final Buffer page;

  ExplorerPage(GatewayConfig.Explorer config) {
    this.enabled = config.enabled();
    this.page = enabled ? load() : Buffer.buffer();
  }

  void handle(RoutingContext context) {
    var request = context.request();
    if (enabled) {
      context.response().headers().add("vary", "accept"); // HTML or JSON by the same URL
    }
    if (wanted(
        enabled,
        request.getHeader("accept"),
        request.getParam("query") != null
            || request.getParam("extensions") != null
            || request.getParam("documentId") != null)) {
      Compression.allow(context.response())
          .putHeader("content-type", "text/html; charset=utf-8")
          .putHeader("cache-control", "no-cache")
          .end(page);
    } else {
      context.next();
    }
  }

  /** A browser's navigation: HTML accepted, no operation in the URL. */
  static boolean wanted(boolean enabled, String accept, boolean carriesOperation) {
    return enabled && accept != null && accept.contains("text/html") && !carriesOperation;
  }

  private static Buffer load() {
    try (InputStream in = ExplorerPage.class.getResourceAsStream("/explorer/index.html")) {
      if (in == null) {
        throw new IllegalStateException("explorer/index.html is missing from the build");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
