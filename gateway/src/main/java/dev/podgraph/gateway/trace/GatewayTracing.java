package dev.podgraph.gateway.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gateway's own spans (OpenTelemetry API; the SDK, sampling and OTLP export are Quarkus' {@code
 * quarkus-opentelemetry}): parse+validate, plan, execute, one per subgraph fetch. The trace context
 * travels with the request's forwarded headers as W3C {@code traceparent}, so the subgraph fetch
 * span is a child of the execute span, and the subgraph gets that fetch span as its parent.
 */
public final class GatewayTracing {
  public static final GatewayTracing NOOP = new GatewayTracing(OpenTelemetry.noop());

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<Map<String, String>> FROM_MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final Tracer tracer;

  public GatewayTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("dev.podgraph.gateway");
  }

  /** Runs {@code work} in a span that is current meanwhile; a thrown exception marks it failed. */
  @SuppressWarnings("try") // the Scope is only closed, never read
  public <T> T inSpan(String name, Supplier<T> work) {
    Span span = tracer.spanBuilder(name).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return work.get();
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  /** A span for asynchronous work, child of the current context; the caller ends it. */
  public Span start(String name) {
    return tracer.spanBuilder(name).startSpan();
  }

  /** {@code headers} plus the {@code traceparent} (and {@code tracestate}) of {@code context}. */
  public static Map<String, String> withTraceContext(Map<String, String> headers, Context context) {
    Map<String, String> result = new LinkedHashMap<>(headers);
    W3C.inject(context, result, (carrier, key, value) -> carrier.put(key, value));
    return result;
  }

  /**
   * Starts the span of one subgraph fetch under the context the headers carry, and returns the
   * headers to send: the same with the fetch span as {@code traceparent}.
   */
  public Fetch fetch(String subgraph, String url, Map<String, String> headers) {
    Context parent = W3C.extract(Context.root(), headers, FROM_MAP);
    Span span =
        tracer
            .spanBuilder("subgraph " + subgraph)
            .setParent(parent)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("graphql.federation.subgraph", subgraph)
            .setAttribute("url.full", url)
            .setAttribute("http.request.method", "POST")
            .startSpan();
    return new Fetch(span, withTraceContext(headers, parent.with(span)));
  }

  /** A subgraph fetch in flight. */
  public record Fetch(Span span, Map<String, String> headers) {
    public void end(Throwable failure) {
      if (failure != null) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
      }
      span.end();
    }
  }
}
