package dev.podgraph.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.podgraph.gateway.cache.CacheMeters;
import dev.podgraph.gateway.cache.EntityCacheSettings;
import dev.podgraph.gateway.cache.EntityCachingSubgraphClient;
import dev.podgraph.gateway.compose.ComposedSupergraphSource;
import dev.podgraph.gateway.execute.CircuitBreakerSettings;
import dev.podgraph.gateway.execute.CircuitBreakingSubgraphClient;
import dev.podgraph.gateway.execute.DeduplicatingSubgraphClient;
import dev.podgraph.gateway.execute.PlanExecutor;
import dev.podgraph.gateway.execute.SubgraphClient;
import dev.podgraph.gateway.execute.VertxSubgraphClient;
import dev.podgraph.gateway.http.GatewayMetrics;
import dev.podgraph.gateway.http.RequestProcessor;
import dev.podgraph.gateway.http.ServingState;
import dev.podgraph.gateway.schema.GatewaySchema;
import dev.podgraph.gateway.supergraph.FileSupergraphSource;
import dev.podgraph.gateway.supergraph.InvalidSupergraphException;
import dev.podgraph.gateway.supergraph.SubgraphSchemaCheck;
import dev.podgraph.gateway.supergraph.SubgraphSdlClient;
import dev.podgraph.gateway.supergraph.SupergraphSource;
import dev.podgraph.gateway.trace.GatewayTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Holds the supergraph being served. Start-up fails, naming the problem, when the first supergraph
 * cannot be read; afterwards the source is re-read periodically and a changed, valid text is
 * swapped in atomically while a bad one is logged and the last good one keeps serving. A changed
 * supergraph file must also match the running subgraphs ({@link SubgraphSchemaCheck}) before it is
 * served; the first one is served regardless (there is nothing else to serve), with a warning.
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
  private volatile String lastRejection;
  private final SubgraphSdlClient sdlClient;
  private final Counter applied;
  private final Counter rejected;
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
    this.sdlClient = new SubgraphSdlClient(config.subgraphTimeout().multipliedBy(2));
    this.applied = reloadCounter("applied");
    this.rejected = reloadCounter("rejected");
  }

  private Counter reloadCounter(String outcome) {
    return Counter.builder("gateway.supergraph.reloads")
        .description(
            "Reloads that found a changed supergraph: served (applied) or refused (rejected,"
                + " counted again on every retry)")
        .tag("outcome", outcome)
        .register(registry);
  }

  void onStart(@Observes StartupEvent event) {
    SupergraphSource source = source();
    String text = source.load();
    try {
      swap(GatewaySchema.of(text), text);
    } catch (InvalidSupergraphException e) {
      throw new InvalidSupergraphException(
          "cannot serve the supergraph from " + source.describe() + ": " + e.getMessage(), e);
    }
    LOG.infof(
        "serving supergraph from %s: subgraphs %s",
        source.describe(), state.get().schema().supergraph().subgraphs().keySet());
    if (checks(source)) {
      vertx.executeBlocking(
          () -> {
            warnIfSubgraphsDiffer(state.get().schema());
            return null;
          },
          false);
    }
    processor =
        new RequestProcessor(
            state::get,
            new PlanExecutor(
                caching(
                    new CircuitBreakingSubgraphClient(
                        deduplicating(
                            new VertxSubgraphClient(
                                vertx,
                                mapper,
                                name ->
                                    config
                                        .subgraphTimeouts()
                                        .getOrDefault(name, config.subgraphTimeout()),
                                config.subgraphPoolSize(),
                                registry,
                                tracing)),
                        name -> circuitBreaker(config.circuitBreaker(), name),
                        Clock.systemUTC(),
                        registry)),
                config.maxRepresentationsPerFetch()),
            config.limits(),
            new GatewayMetrics(registry),
            tracing);
    long interval = Math.max(100, config.reloadInterval().toMillis());
    vertx.setPeriodic(interval, id -> reloadInBackground(source));
  }

  /**
   * Inside the circuit breaker: every caller still passes the breaker and counts in it (a hung
   * subgraph opens it as fast as without deduplication); only the HTTP request is shared.
   */
  private SubgraphClient deduplicating(SubgraphClient client) {
    return config.deduplicateFetches() ? new DeduplicatingSubgraphClient(client, registry) : client;
  }

  /** Outside the breaker: a cached answer needs no subgraph, and costs the breaker nothing. */
  private SubgraphClient caching(SubgraphClient client) {
    EntityCacheSettings settings = entityCache(config.entityCache());
    return settings.enabled()
        ? new EntityCachingSubgraphClient(
            client, settings, new CacheMeters(registry), Ticker.systemTicker())
        : client;
  }

  /** The typed settings of the entity/response cache. */
  public static EntityCacheSettings entityCache(GatewayConfig.EntityCache config) {
    Map<String, EntityCacheSettings.Policy> subgraphs = new HashMap<>();
    config
        .subgraphs()
        .forEach(
            (name, p) -> subgraphs.put(name, new EntityCacheSettings.Policy(p.ttl(), p.scope())));
    Map<String, EntityCacheSettings.Policy> types = new HashMap<>();
    config
        .types()
        .forEach((name, p) -> types.put(name, new EntityCacheSettings.Policy(p.ttl(), p.scope())));
    return new EntityCacheSettings(
        config.enabled(), config.ttl(), config.rootFields(), config.maxEntries(), subgraphs, types);
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

  /**
   * Re-reads the source; public so tests can drive a reload without waiting for the timer. A text
   * that does not parse, or (for a file) does not match the running subgraphs, is not served; the
   * same rejection is logged once, and the check is tried again on the next call.
   */
  public boolean reload(SupergraphSource source) {
    try {
      String text = source.load();
      if (text.equals(servedText)) {
        return false;
      }
      GatewaySchema schema = GatewaySchema.of(text);
      if (checks(source)) {
        Map<String, List<String>> missing = subgraphCheck(schema);
        if (!missing.isEmpty()) {
          throw new InvalidSupergraphException(
              "the running subgraphs do not serve what it routes to them: " + missing);
        }
      }
      swap(schema, text);
      LOG.infof("supergraph from %s changed: now serving the new one", source.describe());
      applied.increment();
      return true;
    } catch (InvalidSupergraphException e) {
      rejected.increment();
      String reason = e.getMessage();
      if (!reason.equals(lastRejection)) {
        lastRejection = reason;
        LOG.errorf(
            "supergraph from %s rejected, still serving the last good one (checked again every"
                + " %d ms): %s",
            source.describe(), config.reloadInterval().toMillis(), reason);
      }
      return false;
    }
  }

  /** Files are checked against the subgraphs; a composition is made from their SDL already. */
  private boolean checks(SupergraphSource source) {
    return config.supergraphCheck() && source instanceof FileSupergraphSource;
  }

  private Map<String, List<String>> subgraphCheck(GatewaySchema schema) {
    return SubgraphSchemaCheck.check(schema.supergraph(), sdlClient::sdl);
  }

  private void warnIfSubgraphsDiffer(GatewaySchema schema) {
    try {
      Map<String, List<String>> missing = subgraphCheck(schema);
      if (!missing.isEmpty()) {
        LOG.warnf(
            "serving the supergraph, but the running subgraphs do not serve what it routes to"
                + " them: %s",
            missing);
      }
    } catch (InvalidSupergraphException e) {
      LOG.warnf("serving the supergraph without checking it against the subgraphs: %s", e);
    }
  }

  private synchronized void swap(GatewaySchema schema, String text) {
    ServingState next = new ServingState(schema, config.planCacheSize());
    state.set(next);
    servedText = text;
    lastRejection = null;
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
