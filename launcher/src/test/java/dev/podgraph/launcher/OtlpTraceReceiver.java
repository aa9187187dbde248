package dev.podgraph.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An OTLP/HTTP collector for a test: accepts {@code POST /v1/traces} in protobuf (what Quarkus'
 * exporter sends with {@code http/protobuf}), decodes it with OpenTelemetry's own protobuf classes
 * and keeps every span with the {@code service.name} of the process that sent it.
 */
final class OtlpTraceReceiver implements AutoCloseable {

  /** One received span: ids in lowercase hex, as in a {@code traceparent}. */
  record ReceivedSpan(
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      String kind,
      Map<String, String> attributes) {}

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new ArrayList<>();

  private OtlpTraceReceiver(HttpServer server) {
    this.server = server;
  }

  static OtlpTraceReceiver start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    OtlpTraceReceiver receiver = new OtlpTraceReceiver(server);
    server.createContext("/v1/traces", receiver::receive);
    server.start();
    return receiver;
  }

  /** The base URL to give an exporter ({@code /v1/traces} is appended by it). */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
      List<ReceivedSpan> received = new ArrayList<>();
      for (ResourceSpans resource : request.getResourceSpansList()) {
        String service =
            attributes(resource.getResource().getAttributesList())
                .getOrDefault("service.name", "?");
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
            received.add(
                new ReceivedSpan(
                    service,
                    hex(span.getTraceId().toByteArray()),
                    hex(span.getSpanId().toByteArray()),
                    hex(span.getParentSpanId().toByteArray()),
                    span.getName(),
                    span.getKind().name(),
                    attributes(span.getAttributesList())));
          }
        }
      }
      synchronized (spans) {
        spans.addAll(received);
        spans.notifyAll();
      }
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, -1);
    }
  }

  /** The spans of one trace received so far. */
  List<ReceivedSpan> trace(String traceId) {
    synchronized (spans) {
      return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }
  }

  /**
   * Waits until the spans of this trace satisfy {@code complete} (exporters send in batches, each
   * process on its own schedule), at most {@code timeout}; answers what was received by then.
   */
  List<ReceivedSpan> awaitTrace(
      String traceId, Predicate<List<ReceivedSpan>> complete, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (spans) {
      while (!complete.test(trace(traceId))) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        spans.wait(Math.max(1, left / 1_000_000));
      }
      return trace(traceId);
    }
  }

  private static Map<String, String> attributes(List<KeyValue> keyValues) {
    Map<String, String> map = new HashMap<>();
    for (KeyValue kv : keyValues) {
      AnyValue v = kv.getValue();
      map.put(
          kv.getKey(),
          switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> Long.toString(v.getIntValue());
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            default -> v.toString();
          });
    }
    return map;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
