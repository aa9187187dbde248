package dev.podgraph.gateway.persisted;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.gateway.config.GatewayConfig;
import dev.podgraph.gateway.config.GatewayConfig.TrustedDocuments.Mode;
import dev.podgraph.rules.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Turns what a request sends into the operation text to run: the {@code query} itself, a trusted
 * document by {@code documentId} or hash, or an automatic persisted query ({@code
 * extensions.persistedQuery}, Apollo's protocol) — or a refusal with its code.
 */
@ApplicationScoped
public class PersistedOperations {
  private static final Logger LOG = Logger.getLogger(PersistedOperations.class);

  private final PersistedQueryCache apq;
  private final TrustedDocuments trusted;
  private final Mode mode;
  private final MeterRegistry meters;

  @Inject
  public PersistedOperations(
      GatewayConfig config, Redis redis, ObjectMapper mapper, MeterRegistry meters) {
    this(
        config.apq().enabled()
            ? new PersistedQueryCache(
                config.apq().cacheSize(),
                new RedisQueryStore(
                    redis,
                    config.apq().redisTimeout(),
                    config.apq().ttl(),
                    config.apq().redisFailures(),
                    config.apq().redisOpenFor(),
                    Clock.systemUTC()))
            : null,
        config
            .trustedDocuments()
            .manifests()
            .map(m -> TrustedDocuments.load(m, mapper))
            .orElse(TrustedDocuments.NONE),
        config.trustedDocuments().mode(),
        meters);
    if (trusted.size() > 0 || mode == Mode.REQUIRE) {
      LOG.infof("Trusted documents: %d operations, mode %s", trusted.size(), mode);
    }
  }

  /** {@code meters} may be null (no metrics). */
  public PersistedOperations(
      PersistedQueryCache apq, TrustedDocuments trusted, Mode mode, MeterRegistry meters) {
    this.meters = meters;
    this.apq = apq;
    this.trusted = trusted;
    this.mode = mode;
  }

  /** What to run, or why not. */
  public record Resolution(String query, ErrorCode code, int status, String message) {
    static Resolution run(String query) {
      return new Resolution(query, null, 200, null);
    }

    static Resolution refuse(ErrorCode code, int status, String message) {
      return new Resolution(null, code, status, message);
    }

    public boolean refused() {
      return code != null;
    }
  }

  /** {@code query} may be null; {@code documentId} and {@code extensions} are taken as sent. */
  public CompletableFuture<Resolution> resolve(String query, Object documentId, Object extensions) {
    if (documentId != null) {
      return done(counted("document_id", byDocumentId(documentId)));
    }
    if (extensions instanceof Map<?, ?> map && map.get("persistedQuery") != null) {
      boolean withText = query != null;
      return persistedQuery(query, map.get("persistedQuery"))
          .thenApply(r -> counted(withText ? "hash_and_text" : "hash", r));
    }
    return done(
        query == null || mode != Mode.REQUIRE
            ? Resolution.run(query)
            : counted("text", text(query)));
  }

  /**
   * {@code gateway_persisted_queries_total{request, result}}: what was sent (document_id, hash,
   * hash_and_text, text) and what became of it (run or the refusal code).
   */
  private Resolution counted(String request, Resolution resolution) {
    if (meters != null) {
      meters
          .counter(
              "gateway.persisted.queries",
              "request",
              request,
              "result",
              resolution.refused() ? resolution.code().name() : "run")
          .increment();
    }
    return resolution;
  }

  private Resolution byDocumentId(Object documentId) {
    if (!(documentId instanceof String id) || id.isBlank()) {
      return Resolution.refuse(ErrorCode.BAD_USER_INPUT, 400, "documentId must be a string.");
    }
    return trusted
        .byId(id)
        .map(Resolution::run)
        .orElseGet(
            () ->
                Resolution.refuse(
                    ErrorCode.PERSISTED_QUERY_NOT_FOUND, 200, "PersistedQueryNotFound"));
  }

  private Resolution text(String query) {
    if (query != null && mode == Mode.REQUIRE && !trusted.containsText(query)) {
      return notInList();
    }
    return Resolution.run(query);
  }

  private CompletableFuture<Resolution> persistedQuery(String query, Object persistedQuery) {
    if (!(persistedQuery instanceof Map<?, ?> pq)
        || !(pq.get("version") instanceof Number version)
        || version.intValue() != 1) {
      return done(
          Resolution.refuse(
              ErrorCode.BAD_USER_INPUT, 400, "Only persistedQuery version 1 is supported."));
    }
    if (!(pq.get("sha256Hash") instanceof String hash) || hash.isBlank()) {
      return done(
          Resolution.refuse(
              ErrorCode.BAD_USER_INPUT, 400, "persistedQuery.sha256Hash must be a string."));
    }
    if (query != null) {
      if (!Sha256.hex(query).equalsIgnoreCase(hash)) {
        return done(
            Resolution.refuse(
                ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, 400, "provided sha does not match query"));
      }
      if (mode == Mode.REQUIRE) {
        return done(text(query)); // nothing is registered: only the manifest counts
      }
      if (apq != null) {
        apq.register(hash.toLowerCase(java.util.Locale.ROOT), query);
      }
      return done(Resolution.run(query));
    }
    Optional<String> listed = trusted.byId(hash);
    if (listed.isPresent()) {
      return done(Resolution.run(listed.get()));
    }
    if (mode == Mode.REQUIRE || apq == null) {
      return done(notFound());
    }
    return apq.get(hash.toLowerCase(java.util.Locale.ROOT))
        .thenApply(found -> found.map(Resolution::run).orElseGet(PersistedOperations::notFound));
  }

  private static Resolution notFound() {
    return Resolution.refuse(ErrorCode.PERSISTED_QUERY_NOT_FOUND, 200, "PersistedQueryNotFound");
  }

  private static Resolution notInList() {
    return Resolution.refuse(
        ErrorCode.PERSISTED_QUERY_NOT_IN_LIST,
        400,
        "This gateway only runs trusted operations; this one is not in its list.");
  }

  private static CompletableFuture<Resolution> done(Resolution resolution) {
    return CompletableFuture.completedFuture(resolution);
  }
}
