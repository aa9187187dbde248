package dev.podgraph.gateway.execute;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.gateway.supergraph.Subgraph;
import dev.podgraph.gateway.trace.GatewayTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Non-blocking HTTP to subgraphs with Vert.x WebClient: pooled keep-alive connections, a deadline
 * per request (the subgraph's timeout, waiting for a connection included), and one latency timer
 * per subgraph. Failures are {@link SubgraphUnavailableException}s with their reason.
 */
public final class VertxSubgraphClient implements SubgraphClient {

  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private final Vertx vertx;
  private final WebClient client;
  private final ObjectMapper mapper;
  private final Function<String, Duration> timeouts;
  private final MeterRegistry registry;
  private final GatewayTracing tracing;

  public VertxSubgraphClient(
      Vertx vertx, ObjectMapper mapper, Duration timeout, int poolSize, MeterRegistry registry) {
    this(vertx, mapper, name -> timeout, poolSize, registry, GatewayTracing.NOOP);
  }

  public VertxSubgraphClient(
      Vertx vertx,
      ObjectMapper mapper,
      Function<String, Duration> timeouts,
      int poolSize,
      MeterRegistry registry) {
    this(vertx, mapper, timeouts, poolSize, registry, GatewayTracing.NOOP);
  }

  /**
   * @param timeouts the timeout of each subgraph, by name
   */
  public VertxSubgraphClient(
      Vertx vertx,
      ObjectMapper mapper,
      Function<String, Duration> timeouts,
      int poolSize,
      MeterRegistry registry,
      GatewayTracing tracing) {
    this.vertx = vertx;
    this.tracing = tracing;
    this.client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(poolSize)
                .setDecompressionSupported(true)
                .setUserAgent("podgraph-gateway")
                // The fetch span and its traceparent are made here (GatewayTracing), not by the
                // Vert.x tracer, which would not know the request's context on this thread.
                .setTracingPolicy(TracingPolicy.IGNORE));
    this.mapper = mapper;
    this.timeouts = timeouts;
    this.registry = registry;
  }

  @Override
  @SuppressWarnings("unchecked")
  public CompletionStage<SubgraphResponse> send(
      Subgraph subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {
    CompletableFuture<SubgraphResponse> result = new CompletableFuture<>();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    if (!variables.isEmpty()) {
      body.put("variables", variables);
    }
    byte[] payload;
    try {
      payload = mapper.writeValueAsBytes(body);
    } catch (Exception e) {
      result.completeExceptionally(e);
      return result;
    }
    long started = System.nanoTime();
    long timeout = Math.max(1, timeouts.apply(subgraph.name()).toMillis());
    // WebClient's own timeout applies to waiting for a pooled connection and then again to the
    // answer, so a request queued behind hung ones could take twice as long: this is the deadline.
    long deadline =
        vertx.setTimer(
            timeout,
            id ->
                result.completeExceptionally(
                    new SubgraphUnavailableException(
                        subgraph.name(), SubgraphUnavailableException.Reason.TIMEOUT, null)));
    result.whenComplete((answer, failure) -> vertx.cancelTimer(deadline));
    var request =
        client
            .postAbs(subgraph.url())
            .timeout(timeout)
            .putHeader("content-type", "application/json")
            .putHeader("accept", "application/json");
    GatewayTracing.Fetch fetch = tracing.fetch(subgraph.name(), subgraph.url(), headers);
    result.whenComplete((answer, failure) -> fetch.end(failure));
    fetch.headers().forEach(request::putHeader);
    request
        .sendBuffer(Buffer.buffer(payload))
        .onComplete(
            ar -> {
              Timer.builder("gateway.subgraph.requests")
                  .description("Requests sent to subgraphs")
                  .tag("subgraph", subgraph.name())
                  .tag("outcome", ar.succeeded() ? "answered" : "failed")
                  .publishPercentiles(0.5, 0.95, 0.99)
                  .register(registry)
                  .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
              if (ar.failed()) {
                result.completeExceptionally(
                    new SubgraphUnavailableException(
                        subgraph.name(),
                        ar.cause() instanceof TimeoutException
                            ? SubgraphUnavailableException.Reason.TIMEOUT
                            : SubgraphUnavailableException.Reason.CONNECTION_FAILED,
                        ar.cause()));
                return;
              }
              try {
                Buffer answer = ar.result().body();
                Map<String, Object> json =
                    answer == null ? Map.of() : mapper.readValue(answer.getBytes(), JSON_OBJECT);
                if (!json.containsKey("data") && !json.containsKey("errors")) {
                  throw new IllegalStateException(
                      "HTTP " + ar.result().statusCode() + " without GraphQL body");
                }
                result.complete(
                    new SubgraphResponse(
                        json.get("data") instanceof Map<?, ?> data
                            ? (Map<String, Object>) data
                            : null,
                        json.get("errors") instanceof List<?> errors
                            ? (List<Map<String, Object>>) errors
                            : List.of()));
              } catch (Exception e) {
                result.completeExceptionally(
                    new SubgraphUnavailableException(
                        subgraph.name(), SubgraphUnavailableException.Reason.INVALID_RESPONSE, e));
              }
            });
    return result;
  }
}
