package dev.podgraph.gateway.http;

import io.vertx.core.http.HttpServerResponse;

/**
 * With {@code quarkus.http.enable-compression}, Quarkus marks every response {@code
 * Content-Encoding: identity} and lifts that only for its own route kinds (REST, reactive routes);
 * routes on the bare Vert.x router, like the gateway's, lift it here for the bodies worth
 * compressing. Vert.x then compresses by the client's {@code Accept-Encoding}.
 */
final class Compression {
  private Compression() {}

  static HttpServerResponse allow(HttpServerResponse response) {
    if ("identity".equalsIgnoreCase(response.headers().get("content-encoding"))) {
      response.headers().remove("content-encoding");
    }
    return response;
  }
}
