package dev.podgraph.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.gateway.compose.ComposedSupergraphSource;
import dev.podgraph.gateway.execute.CircuitBreakerSettings;
import dev.podgraph.gateway.execute.CircuitBreakingSubgraphClient;
import dev.podgraph.gateway.execute.PlanExecutor;
import dev.podgraph.gateway.execute.VertxSubgraphClient;
import dev.podgraph.gateway.http.GatewayMetrics;
import dev.podgraph.gateway.http.RequestProcessor;
import dev.podgraph.gateway.http.ServingState;
import dev.podgraph.gateway.schema.GatewaySchema;
import dev.podgraph.gateway.supergraph.FileSupergraphSource;
import dev.podgraph.gateway.supergraph.InvalidSupergraphException;
import dev.podgraph.gateway.supergraph.SupergraphSource;
import dev.podgraph.gateway.trace.GatewayTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Holds the supergraph being served. Start-up fails, naming the problem, when the first supergraph
 * cannot be read; afterwards the source is re-read periodically and a changed, valid text is
 * swapped in atomically while a bad one is logged and the last good one keeps serving.
 */
@ApplicationScoped
public class GatewayRuntime {

  private static final Logger LOG = Logger.getLogger(GatewayRuntime.class);

  private final AtomicReference<ServingState> state = new AtomicReference<>();
  private final AtomicBoolean reloading = new AtomicBoolean();
  private final GatewayConfig config;
  private final Vertx vertx;
  private final MeterRegistry registry;
  private final ObjectMapper mapper;
  private final GatewayTracing tracing;
  private volatile String servedText;
  private volatile RequestProcessor processor;

  public GatewayRuntime(
      GatewayConfig config,
      Vertx vertx,
      MeterRegistry registry,
      ObjectMapper mapper,
      OpenTelemetry openTelemetry) {
    this.tracing = new GatewayTracing(openTelemetry);
    this.config = config;
    this.vertx = vertx;
    this.registry = registry;
    this.mapper = mapper;
  }

  void onStart(@Observes StartupEvent event) {
    SupergraphSource source = source();
    String text = source.load();
    try {
      swap(text);
    } catch (InvalidSupergraphException e) {
      throw new InvalidSupergraphException(
          "cannot serve the supergraph from " + source.describe() + ": " + e.getMessage(), e);
    }
    LOG.infof(
        "serving supergraph from %s: subgraphs %s",
        source.describe(), state.get().schema().supergraph().subgraphs().keySet());
    processor =
        new RequestProcessor(
            state::get,
            new PlanExecutor(
                new CircuitBreakingSubgraphClient(
                    new VertxSubgraphClient(
                        vertx,
                        mapper,
                        name ->
                            config.subgraphTimeouts().getOrDefault(name, config.subgraphTimeout()),
                        config.subgraphPoolSize(),
                        registry,
                        tracing),
                    name -> circuitBreaker(config.circuitBreaker(), name),
                    Clock.systemUTC(),
                    registry),
                config.maxRepresentationsPerFetch()),
            config.limits(),
            new GatewayMetrics(registry),
            tracing);
    long interval = Math.max(100, config.reloadInterval().toMillis());
    vertx.setPeriodic(interval, id -> reloadInBackground(source));
  }

  /** The general breaker settings with the subgraph's own ones over them. */
  public static CircuitBreakerSettings circuitBreaker(
      GatewayConfig.CircuitBreaker general, String subgraph) {
    GatewayConfig.CircuitBreakerOverride own = general.subgraphs().get(subgraph);
    if (own == null) {
      return new CircuitBreakerSettings(
          general.enabled(),
          general.failureRateThreshold(),
          general.slidingWindowSize(),
          general.minimumCalls(),
          general.openDuration(),
          general.halfOpenCalls());
    }
    return new CircuitBreakerSettings(
        own.enabled().orElse(general.enabled()),
        own.failureRateThreshold().orElse(general.failureRateThreshold()),
        own.slidingWindowSize().orElse(general.slidingWindowSize()),
        own.minimumCalls().orElse(general.minimumCalls()),
        own.openDuration().orElse(general.openDuration()),
        own.halfOpenCalls().orElse(general.halfOpenCalls()));
  }

  private SupergraphSource source() {
    Optional<String> file = config.supergraph().filter(s -> !s.isBlank());
    if (file.isPresent()) {
      return new FileSupergraphSource(Path.of(file.get()));
    }
    Optional<String> subgraphs = config.subgraphs().filter(s -> !s.isBlank());
    if (subgraphs.isPresent()) {
      return ComposedSupergraphSource.parse(subgraphs.get());
    }
    throw new InvalidSupergraphException(
        "no supergraph: set GATEWAY_SUPERGRAPH to a supergraph file"
            + " (or GATEWAY_SUBGRAPHS=name=url,... to compose one)");
  }

  private void reloadInBackground(SupergraphSource source) {
    if (!reloading.compareAndSet(false, true)) {
      return;
    }
    vertx.executeBlocking(
        () -> {
          try {
            reload(source);
          } finally {
            reloading.set(false);
          }
          return null;
        },
        false);
  }

  /** Re-reads the source; public so tests can drive a reload without waiting for the timer. */
  public boolean reload(SupergraphSource source) {
    try {
      String text = source.load();
      if (text.equals(servedText)) {
        return false;
      }
      swap(text);
      LOG.infof("supergraph from %s changed: now serving the new one", source.describe());
      return true;
    } catch (InvalidSupergraphException e) {
      LOG.errorf(
          "supergraph from %s rejected, still serving the last good one: %s",
          source.describe(), e.getMessage());
      return false;
    }
  }

  private synchronized void swap(String text) {
    ServingState next = new ServingState(GatewaySchema.of(text), config.planCacheSize());
    state.set(next);
    servedText = text;
  }

  public ServingState current() {
    return state.get();
  }

  public RequestProcessor processor() {
    return processor;
  }

  public GatewayConfig config() {
    return config;
  }
}
