package dev.podgraph.gateway.trace;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An OTLP/HTTP receiver for a test: accepts {@code POST /v1/traces} (protobuf) and keeps each body,
 * and points the booted gateway's exporter at itself.
 */
public class OtlpReceiver implements QuarkusTestResourceLifecycleManager {

  public static final List<byte[]> EXPORTS = new CopyOnWriteArrayList<>();
  private Vertx vertx;

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    try {
      HttpServer server =
          vertx
              .createHttpServer()
              .requestHandler(
                  request ->
                      request.body(
                          body -> {
                            if (request.path().equals("/v1/traces") && body.succeeded()) {
                              EXPORTS.add(body.result().getBytes());
                              synchronized (EXPORTS) {
                                EXPORTS.notifyAll();
                              }
                            }
                            request
                                .response()
                                .putHeader("content-type", "application/x-protobuf")
                                .end(Buffer.buffer());
                          }))
              .listen(0, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      return Map.of(
          "quarkus.otel.exporter.otlp.traces.endpoint",
          "http://127.0.0.1:" + server.actualPort(),
          "quarkus.otel.exporter.otlp.traces.protocol",
          "http/protobuf",
          "quarkus.otel.bsp.schedule.delay",
          "PT0.1S");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until a further export arrives or {@code millis} pass. */
  public static void awaitExport(long millis) throws InterruptedException {
    synchronized (EXPORTS) {
      EXPORTS.wait(Math.max(1, millis));
    }
  }

  @Override
  public void stop() {
    vertx.close();
  }
}
