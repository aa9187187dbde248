package dev.podgraph.gateway.config;

import dev.podgraph.gateway.cache.CacheScope;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's own settings ({@code GATEWAY_*} environment variables). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

  /** Path of a supergraph SDL file ({@code GATEWAY_SUPERGRAPH}). */
  Optional<String> supergraph();

  /** {@code name=url,name=url}: compose from the subgraphs ({@code GATEWAY_SUBGRAPHS}). */
  Optional<String> subgraphs();

  /** Request headers passed on to subgraphs, matched case-insensitively. */
  @WithDefault("authorization")
  List<String> forwardHeaders();

  /** How often the supergraph source is re-read; a changed text is swapped in atomically. */
  @WithDefault("2s")
  Duration reloadInterval();

  /**
   * Before a changed supergraph file is swapped in, ask every subgraph it names for {@code _service
   * { sdl }} and keep serving the last good supergraph while any subgraph cannot be asked or lacks
   * a type or field the new one routes to it ({@code GATEWAY_SUPERGRAPH_CHECK}). The check is
   * retried every {@link #reloadInterval()} until it passes, so a supergraph published before its
   * subgraph has rolled out is applied as soon as the subgraph serves the new schema. Off: the file
   * is served as soon as it parses.
   */
  @WithDefault("true")
  boolean supergraphCheck();

  /**
   * How long one subgraph request may take before it counts as failed. Short, so that a hung
   * subgraph costs clients little before its circuit breaker opens.
   */
  @WithDefault("2s")
  Duration subgraphTimeout();

  /**
   * Timeouts for single subgraphs, by subgraph name, overriding {@link #subgraphTimeout()}: {@code
   * gateway.subgraph-timeouts.reviews=2s}.
   */
  Map<String, Duration> subgraphTimeouts();

  /**
   * The most representations one {@code _entities} call carries; larger batches are split into
   * calls sent at once. 1000 is what the project's subgraphs accept in one call.
   */
  @WithDefault("1000")
  int maxRepresentationsPerFetch();

  /**
   * Identical query fetches in flight to one subgraph at the same time are sent once and share the
   * answer ({@code GATEWAY_DEDUPLICATE_FETCHES}; never mutations).
   */
  @WithDefault("true")
  boolean deduplicateFetches();

  /**
   * The entity/response cache ({@code gateway.entity-cache.*}, gateway/README.md "Entity cache"):
   * off unless {@code GATEWAY_ENTITY_CACHE_ENABLED=true}.
   */
  EntityCache entityCache();

  /** Subgraph answers kept in this gateway's memory, per entity and per root-field fetch. */
  interface EntityCache {
    @WithDefault("false")
    boolean enabled();

    /** How long an entry lives unless its type or subgraph says otherwise; 0s: not cached. */
    @WithDefault("30s")
    Duration ttl();

    /** Whether whole root-field query fetches are cached too, not only {@code _entities}. */
    @WithDefault("true")
    boolean rootFields();

    @WithDefault("10000")
    long maxEntries();

    /** By subgraph name: {@code gateway.entity-cache.subgraphs.guests.ttl=10s}. */
    Map<String, Policy> subgraphs();

    /** By entity type: {@code gateway.entity-cache.types.User.scope=private}. */
    Map<String, Policy> types();

    /** A TTL and a scope ({@code public}, {@code private}), each inherited when absent. */
    interface Policy {
      Optional<Duration> ttl();

      Optional<CacheScope> scope();
    }
  }

  /** Connections kept open per subgraph host. */
  @WithDefault("64")
  int subgraphPoolSize();

  /** Plans (and parsed documents) kept per supergraph. */
  @WithDefault("2000")
  int planCacheSize();

  Limits limits();

  Apq apq();

  Explorer explorer();

  /**
   * Whether a request with the header {@code Apollo-Query-Plan-Experimental: true} gets its query
   * plan in {@code extensions.apolloQueryPlan} ({@code GATEWAY_EXPOSE_QUERY_PLAN}; off in
   * production).
   */
  @WithDefault("true")
  boolean exposeQueryPlan();

  /** GraphiQL on {@code GET /graphql} for browsers ({@code GATEWAY_EXPLORER_ENABLED}). */
  interface Explorer {
    @WithDefault("true")
    boolean enabled();
  }

  TrustedDocuments trustedDocuments();

  /** Automatic persisted queries ({@code gateway.apq.*}): LRU in front of the gateway's Redis. */
  interface Apq {
    @WithDefault("true")
    boolean enabled();

    /** Texts kept in-process. */
    @WithDefault("10000")
    long cacheSize();

    /** How long a text stays in Redis after it was registered. */
    @WithDefault("168h")
    Duration ttl();

    /** The longest one Redis command may take before it counts as failed. */
    @WithDefault("150ms")
    Duration redisTimeout();

    /** Failed Redis commands in a row after which Redis is skipped for {@link #redisOpenFor()}. */
    @WithDefault("3")
    int redisFailures();

    @WithDefault("5s")
    Duration redisOpenFor();
  }

  /** Trusted documents ({@code gateway.trusted-documents.*}): operations from manifests. */
  interface TrustedDocuments {
    /** Manifest files read at start-up (Apollo's or the key-value form), comma-separated. */
    Optional<List<String>> manifests();

    /**
     * {@code allow-unlisted}: manifest operations by id, anything else as usual; {@code require}:
     * only manifest operations (by id, by hash, or as their exact text).
     */
    @WithDefault("allow-unlisted")
    Mode mode();

    enum Mode {
      ALLOW_UNLISTED,
      REQUIRE
    }
  }

  CircuitBreaker circuitBreaker();

  /**
   * One circuit breaker per subgraph ({@code gateway.circuit-breaker.*}): opens when, among the
   * last {@link #slidingWindowSize()} requests and once at least {@link #minimumCalls()} were made,
   * at least {@link #failureRateThreshold()} percent failed (no GraphQL answer: timeout, transport
   * failure, not GraphQL); while open, requests to that subgraph fail at once; after {@link
   * #openDuration()} it lets {@link #halfOpenCalls()} probe requests through and closes when they
   * succeed.
   */
  interface CircuitBreaker {
    @WithDefault("true")
    boolean enabled();

    @WithDefault("50")
    int failureRateThreshold();

    @WithDefault("10")
    int slidingWindowSize();

    @WithDefault("5")
    int minimumCalls();

    @WithDefault("1s")
    Duration openDuration();

    @WithDefault("1")
    int halfOpenCalls();

    /**
     * Settings for single subgraphs, by name, each overriding the ones above: {@code
     * gateway.circuit-breaker.subgraphs.reviews.open-duration=5s}.
     */
    Map<String, CircuitBreakerOverride> subgraphs();
  }

  /** The circuit breaker settings of one subgraph; an absent one is the general one. */
  interface CircuitBreakerOverride {
    Optional<Boolean> enabled();

    Optional<Integer> failureRateThreshold();

    Optional<Integer> slidingWindowSize();

    Optional<Integer> minimumCalls();

    Optional<Duration> openDuration();

    Optional<Integer> halfOpenCalls();
  }

  /** Refuse hostile operations before they cost anything. */
  interface Limits {
    @WithDefault("1048576")
    long maxBodyBytes();

    @WithDefault("15000")
    int maxTokens();

    @WithDefault("32")
    int maxDepth();

    @WithDefault("256")
    int maxAliases();

    @WithDefault("5000")
    int maxFields();

    /**
     * Demand control: the highest estimated cost an operation may have (IBM cost spec, as Apollo
     * Router's demand control counts it; gateway/README.md). The front-page query costs about
     * 1,100.
     */
    @WithDefault("10000")
    long maxCost();

    /** How long a list is assumed to be when no slicing argument or {@code @listSize} says. */
    @WithDefault("10")
    long assumedListSize();

    /** {@code enforce} refuses operations over {@link #maxCost()}; {@code measure} only records. */
    @WithDefault("enforce")
    String costMode();

    /** Operations estimated at this cost or more count as heavy. */
    @WithDefault("2000")
    long heavyCost();

    /** Heavy operations one gateway runs at once; more are refused with UNAVAILABLE (503). */
    @WithDefault("4")
    int maxHeavyOperations();
  }
}
