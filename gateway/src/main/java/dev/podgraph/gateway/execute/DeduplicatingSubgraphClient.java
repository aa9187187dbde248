package dev.podgraph.gateway.execute;

import dev.podgraph.gateway.supergraph.Subgraph;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-flight deduplication: a query fetch identical to one already on its way to the same subgraph
 * (same operation text, variables and forwarded headers, trace headers aside) is not sent again; it
 * waits for that answer. Many clients asking for the same page at once then cost the subgraph one
 * request. Never for mutations. Every caller, the first included, gets its own deep copy of the
 * answer, because the executor merges into what it receives. Counted in {@code
 * gateway_subgraph_deduplicated_total{subgraph}}.
 */
public final class DeduplicatingSubgraphClient implements SubgraphClient {

  /** Headers that differ per request without changing the answer. */
  private static final Set<String> NOT_PART_OF_THE_KEY = Set.of("traceparent", "tracestate");

  private record Key(
      String subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {}

  private final SubgraphClient delegate;
  private final MeterRegistry registry;
  private final Map<Key, CompletableFuture<SubgraphResponse>> inFlight = new ConcurrentHashMap<>();

  public DeduplicatingSubgraphClient(SubgraphClient delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  @Override
  public CompletionStage<SubgraphResponse> send(
      Subgraph subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {
    if (query.startsWith("mutation")) {
      return delegate.send(subgraph, query, variables, headers);
    }
    Key key = new Key(subgraph.name(), query, variables, keyHeaders(headers));
    CompletableFuture<SubgraphResponse> mine = new CompletableFuture<>();
    CompletableFuture<SubgraphResponse> shared = inFlight.putIfAbsent(key, mine);
    if (shared != null) {
      registry.counter("gateway.subgraph.deduplicated", "subgraph", subgraph.name()).increment();
      return shared.thenApply(DeduplicatingSubgraphClient::copy);
    }
    CompletionStage<SubgraphResponse> sent;
    try {
      sent = delegate.send(subgraph, query, variables, headers);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete(
        (response, failure) -> {
          // Leave the map before completing: a fetch arriving after the answer sends again.
          inFlight.remove(key, mine);
          if (failure != null) {
            mine.completeExceptionally(failure);
          } else {
            mine.complete(response);
          }
        });
    return mine.thenApply(DeduplicatingSubgraphClient::copy);
  }

  private static Map<String, String> keyHeaders(Map<String, String> headers) {
    Map<String, String> key = new TreeMap<>();
    headers.forEach(
        (name, value) -> {
          if (!NOT_PART_OF_THE_KEY.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            key.put(name.toLowerCase(java.util.Locale.ROOT), value);
          }
        });
    return key;
  }

  private static SubgraphResponse copy(SubgraphResponse response) {
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) deepCopy(response.data());
    List<Map<String, Object>> errors = new ArrayList<>();
    for (Map<String, Object> error : response.errors()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> copied = (Map<String, Object>) deepCopy(error);
      errors.add(copied);
    }
    return new SubgraphResponse(data, errors);
  }

  private static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
      map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        copy.add(deepCopy(item));
      }
      return copy;
    }
    return value;
  }
}
