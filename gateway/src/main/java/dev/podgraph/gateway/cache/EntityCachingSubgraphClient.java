package dev.podgraph.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.podgraph.gateway.execute.SubgraphClient;
import dev.podgraph.gateway.execute.SubgraphResponse;
import dev.podgraph.gateway.supergraph.Subgraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's entity/response cache, a {@link SubgraphClient} decorator (after Apollo Router's
 * entity caching): each entity of an {@code _entities} fetch is an entry of its own (subgraph,
 * operation, other variables, caller, representation), so a fetch sends only the representations no
 * entry answers and the answer is put back together in order; a root-field query fetch is one
 * entry. Entries live in this gateway's memory (Caffeine, size-bounded) for the TTL of their type
 * or subgraph ({@link EntityCacheSettings}).
 *
 * <p>Never for mutations; an entity or answer with an error is not kept. Callers: see {@link
 * CallerKey} and {@link CacheScope}. A mutation through this gateway drops every entry of the
 * subgraph it went to (a generation per subgraph) and, in every subgraph, the entity entries of
 * each object it returned (same type, same key fields); an answer loaded while any mutation ran is
 * not kept. Changes that do not pass through this gateway are seen when the TTL ends.
 */
public final class EntityCachingSubgraphClient implements SubgraphClient {
  private static final String REPRESENTATIONS = "representations";

  private record Key(
      String subgraph,
      long generation,
      String caller,
      String query,
      Map<String, Object> variables,
      Map<?, ?> representation) {

    /** The same key over copies: what the executor holds may change after the fetch. */
    Key detached() {
      return new Key(
          subgraph,
          generation,
          caller,
          query,
          JsonTrees.copyObject(new LinkedHashMap<>(variables)),
          representation == null ? null : (Map<?, ?>) JsonTrees.copy(representation));
    }
  }

  private record Entry(Object value, Duration ttl) {}

  private final SubgraphClient delegate;
  private final EntityCacheSettings settings;
  private final CacheMeters meters;
  private final Cache<Key, Entry> entries;
  private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
  private final AtomicLong mutations = new AtomicLong();

  public EntityCachingSubgraphClient(
      SubgraphClient delegate, EntityCacheSettings settings, CacheMeters meters, Ticker ticker) {
    this.delegate = delegate;
    this.settings = settings;
    this.meters = meters;
    this.entries =
        Caffeine.newBuilder()
            .maximumSize(settings.maxEntries())
            .expireAfter(Expiry.<Key, Entry>creating((key, entry) -> entry.ttl()))
            .ticker(ticker)
            .build();
  }

  @Override
  public CompletionStage<SubgraphResponse> send(
      Subgraph subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {
    if (query.startsWith("mutation")) {
      mutations.incrementAndGet();
      return delegate
          .send(subgraph, query, variables, headers)
          .whenComplete((response, failure) -> mutated(subgraph.name(), response));
    }
    String caller = CallerKey.of(headers);
    return variables.get(REPRESENTATIONS) instanceof List<?> representations
        ? entities(subgraph, query, variables, headers, caller, representations)
        : root(subgraph, query, variables, headers, caller);
  }

  private CompletionStage<SubgraphResponse> root(
      Subgraph subgraph,
      String query,
      Map<String, Object> variables,
      Map<String, String> headers,
      String caller) {
    Duration ttl = settings.ttl(subgraph.name(), null);
    if (!settings.rootFields() || !cacheable(subgraph.name(), null, ttl, caller)) {
      return delegate.send(subgraph, query, variables, headers);
    }
    Key key = new Key(subgraph.name(), generation(subgraph.name()), caller, query, variables, null);
    Entry hit = entries.getIfPresent(key);
    if (hit != null) {
      meters.hit(subgraph.name(), "root", 1);
      SubgraphResponse cached = (SubgraphResponse) hit.value();
      return CompletableFuture.completedFuture(
          new SubgraphResponse(JsonTrees.copyObject(cached.data()), List.of()));
    }
    meters.miss(subgraph.name(), "root", 1);
    long mutationsBefore = mutations.get();
    return delegate
        .send(subgraph, query, variables, headers)
        .thenApply(
            response -> {
              if (response.errors().isEmpty()
                  && response.data() != null
                  && mutations.get() == mutationsBefore) {
                entries.put(
                    key.detached(),
                    new Entry(
                        new SubgraphResponse(JsonTrees.copyObject(response.data()), List.of()),
                        ttl));
              }
              return response;
            });
  }

  private CompletionStage<SubgraphResponse> entities(
      Subgraph subgraph,
      String query,
      Map<String, Object> variables,
      Map<String, String> headers,
      String caller,
      List<?> representations) {
    long generation = generation(subgraph.name());
    Map<String, Object> others = new LinkedHashMap<>(variables);
    others.remove(REPRESENTATIONS);
    Object[] answers = new Object[representations.size()];
    List<Integer> missing = new ArrayList<>();
    List<Key> missingKeys = new ArrayList<>();
    for (int i = 0; i < representations.size(); i++) {
      Map<?, ?> representation = (Map<?, ?>) representations.get(i);
      String type = String.valueOf(representation.get("__typename"));
      Duration ttl = settings.ttl(subgraph.name(), type);
      Key key =
          cacheable(subgraph.name(), type, ttl, caller)
              ? new Key(subgraph.name(), generation, caller, query, others, representation)
              : null;
      Entry hit = key == null ? null : entries.getIfPresent(key);
      if (hit != null) {
        answers[i] = JsonTrees.copy(hit.value());
      } else {
        missing.add(i);
        missingKeys.add(key);
      }
    }
    meters.hit(subgraph.name(), "entity", representations.size() - missing.size());
    meters.miss(subgraph.name(), "entity", missing.size());
    if (missing.isEmpty()) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("_entities", new ArrayList<>(Arrays.asList(answers)));
      return CompletableFuture.completedFuture(new SubgraphResponse(data, List.of()));
    }
    Map<String, Object> reduced = variables;
    if (missing.size() < representations.size()) {
      reduced = new LinkedHashMap<>(variables);
      reduced.put(REPRESENTATIONS, missing.stream().map(representations::get).toList());
    }
    long mutationsBefore = mutations.get();
    return delegate
        .send(subgraph, query, reduced, headers)
        .thenApply(
            response ->
                EntityAnswers.assemble(
                    response,
                    answers,
                    missing,
                    (j, entity) -> {
                      Key key = missingKeys.get(j);
                      if (key != null && mutations.get() == mutationsBefore) {
                        Map<?, ?> representation = key.representation();
                        String type = String.valueOf(representation.get("__typename"));
                        entries.put(
                            key.detached(),
                            new Entry(JsonTrees.copy(entity), settings.ttl(subgraph.name(), type)));
                      }
                    }));
  }

  private boolean cacheable(String subgraph, String type, Duration ttl, String caller) {
    if (!ttl.isPositive()) {
      return false;
    }
    return !caller.isEmpty() || settings.scope(subgraph, type) == CacheScope.PUBLIC;
  }

  private long generation(String subgraph) {
    return generations.computeIfAbsent(subgraph, s -> new AtomicLong()).get();
  }

  /**
   * Counted again once the mutation has answered: a fetch that overlapped any part of it (sent
   * before it committed, answered after) is not stored either.
   */
  private void mutated(String subgraph, SubgraphResponse response) {
    mutations.incrementAndGet();
    generations.computeIfAbsent(subgraph, s -> new AtomicLong()).incrementAndGet();
    meters.invalidated(subgraph);
    if (response == null || response.data() == null) {
      return;
    }
    List<Map<?, ?>> changed = JsonTrees.objects(response.data());
    entries
        .asMap()
        .keySet()
        .removeIf(
            key ->
                key.representation() != null
                    && changed.stream().anyMatch(o -> JsonTrees.names(o, key.representation())));
  }

  /** Entries held now (after pending evictions): for tests and the health of the cache. */
  public long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }
}
