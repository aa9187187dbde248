package dev.podgraph.gateway.execute;

import dev.podgraph.gateway.plan.EntityRequirement;
import dev.podgraph.gateway.plan.PlanNode;
import dev.podgraph.gateway.plan.QueryPlan;
import dev.podgraph.gateway.plan.TypeConditions;
import dev.podgraph.gateway.supergraph.Subgraph;
import dev.podgraph.gateway.supergraph.Supergraph;
import dev.podgraph.gateway.supergraph.TypeModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs a query plan: sends its fetches (independent ones concurrently), merges every answer into
 * one tree and rewrites subgraph error paths to that tree. A failed fetch leaves its part of the
 * tree empty and becomes UNAVAILABLE errors at the fields it was to provide; it never fails the
 * rest.
 */
public final class PlanExecutor {

  /**
   * A fetch that fails for many objects lists this many errors (one per position); one more error
   * counts the rest.
   */
  public static final int MAX_ERRORS_PER_FETCH = 100;

  private static final Logger LOG = Logger.getLogger(PlanExecutor.class);

  /**
   * Representations sent in one {@code _entities} call by default: the subgraphs refuse more than
   * 1000 in one call ({@code podgraph.entities.max-representations}), so larger batches are split.
   */
  public static final int DEFAULT_MAX_REPRESENTATIONS = 1000;

  private final SubgraphClient client;
  private final int maxRepresentations;

  public PlanExecutor(SubgraphClient client) {
    this(client, DEFAULT_MAX_REPRESENTATIONS);
  }

  /**
   * @param maxRepresentations the most representations one {@code _entities} call carries; a batch
   *     with more is sent as several calls at once
   */
  public PlanExecutor(SubgraphClient client, int maxRepresentations) {
    if (maxRepresentations < 1) {
      throw new IllegalArgumentException("maxRepresentations must be at least 1");
    }
    this.client = client;
    this.maxRepresentations = maxRepresentations;
  }

  public CompletableFuture<MergedResult> execute(
      Supergraph supergraph,
      QueryPlan plan,
      Map<String, Object> variables,
      Map<String, String> headers) {
    Execution execution = new Execution(supergraph, variables, headers);
    if (plan.root().isEmpty()) {
      return CompletableFuture.completedFuture(execution.result());
    }
    return execution.run(plan.root().get()).thenApply(v -> execution.result());
  }

  private final class Execution {
    final Map<String, Object> tree = new LinkedHashMap<>();
    final List<SubgraphFetchError> errors = new ArrayList<>();
    final List<List<Object>> summarizedPaths = new ArrayList<>();
    final Supergraph supergraph;
    final Map<String, Object> variables;
    final Map<String, String> headers;
    final TreeMerger merger;
    final Representations representations;
    final ContextValues contextValues;

    Execution(Supergraph supergraph, Map<String, Object> variables, Map<String, String> headers) {
      this.supergraph = supergraph;
      this.variables = variables == null ? Map.of() : variables;
      this.headers = headers;
      Set<String> abstractTypes =
          supergraph.types().values().stream()
              .filter(t -> t.kind().isAbstract())
              .map(TypeModel::name)
              .collect(Collectors.toSet());
      this.merger = new TreeMerger(abstractTypes);
      this.representations = new Representations(this::applies);
      this.contextValues = new ContextValues(this::applies, representations);
    }

    synchronized MergedResult result() {
      return new MergedResult(
          tree, errors.stream().map(SubgraphFetchError::toMap).toList(), summarizedPaths);
    }

    private boolean applies(String condition, String typeName) {
      return TypeConditions.applies(condition, typeName, supergraph);
    }

    CompletableFuture<Void> run(PlanNode node) {
      return switch (node) {
        case PlanNode.Sequence sequence -> {
          CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
          for (PlanNode step : sequence.nodes()) {
            chain = chain.thenCompose(v -> run(step));
          }
          yield chain;
        }
        case PlanNode.Parallel parallel ->
            CompletableFuture.allOf(
                parallel.nodes().stream().map(this::run).toArray(CompletableFuture[]::new));
        case PlanNode.Fetch fetch -> rootFetch(fetch);
        case PlanNode.Flatten flatten -> entityFetch(flatten);
      };
    }

    private CompletableFuture<Void> rootFetch(PlanNode.Fetch fetch) {
      return send(
          fetch,
          usedVariables(fetch),
          () ->
              fetch.provides().getOrDefault("", List.of()).stream()
                  .map(key -> List.<Object>of(key))
                  .toList(),
          answer -> {
            if (answer.data() != null) {
              merger.merge(tree, answer.data());
            }
            for (Map<String, Object> error : answer.errors()) {
              errors.add(
                  SubgraphFetchError.fromSubgraph(
                      error, SubgraphFetchError.pathOf(error).orElse(null)));
            }
          });
    }

    /**
     * Sends one fetch; under this executor's lock, a failure becomes UNAVAILABLE errors at the
     * {@code failedPaths} and an answer (aliases restored) goes to {@code onAnswer}.
     */
    private CompletableFuture<Void> send(
        PlanNode.Fetch fetch,
        Map<String, Object> variables,
        Supplier<List<List<Object>>> failedPaths,
        Consumer<SubgraphResponse> onAnswer) {
      Subgraph subgraph = supergraph.subgraphs().get(fetch.subgraph());
      CompletionStage<SubgraphResponse> sent;
      try {
        sent = client.send(subgraph, fetch.operation(), variables, headers);
      } catch (RuntimeException e) {
        sent = CompletableFuture.failedFuture(e);
      }
      return sent.toCompletableFuture()
          .handle(
              (response, failure) -> {
                synchronized (this) {
                  if (failure != null) {
                    failed(subgraph, failure, failedPaths.get());
                  } else {
                    onAnswer.accept(AliasRewrites.restore(fetch, response));
                  }
                  return null;
                }
              });
    }

    /** One UNAVAILABLE error per path, at most {@link #MAX_ERRORS_PER_FETCH} and a summary. */
    private void failed(Subgraph subgraph, Throwable failure, List<List<Object>> paths) {
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      LOG.debugf("fetch from subgraph %s failed: %s", subgraph.name(), cause.toString());
      SubgraphUnavailableException.Reason reason =
          cause instanceof SubgraphUnavailableException unavailable ? unavailable.reason() : null;
      if (paths.isEmpty()) {
        errors.add(SubgraphFetchError.unavailable(subgraph, reason, null, 0));
        return;
      }
      int listed = Math.min(paths.size(), MAX_ERRORS_PER_FETCH);
      for (List<Object> path : paths.subList(0, listed)) {
        errors.add(SubgraphFetchError.unavailable(subgraph, reason, path, 0));
      }
      if (paths.size() > listed) {
        summarizedPaths.addAll(paths.subList(listed, paths.size()));
        errors.add(SubgraphFetchError.unavailable(subgraph, reason, null, paths.size() - listed));
      }
    }

    /**
     * Sends the representations of the objects at the flatten path, each once; objects whose
     * contextual arguments ({@code @fromContext}) differ go in separate calls, each with its
     * values.
     */
    private CompletableFuture<Void> entityFetch(PlanNode.Flatten flatten) {
      PlanNode.Fetch fetch = flatten.fetch();
      Map<Map<String, Object>, Map<Map<String, Object>, List<PathTargets.Target>>> byContext =
          new LinkedHashMap<>();
      synchronized (this) {
        List<PathTargets.Target> targets = new ArrayList<>();
        PathTargets.collect(tree, flatten.path(), 0, new ArrayList<>(), targets);
        for (PathTargets.Target target : targets) {
          Object typename = target.object().get("__typename");
          for (EntityRequirement requirement : fetch.requires()) {
            if (requirement.runtimeType().equals(typename)) {
              Map<String, Object> context =
                  contextValues.of(fetch.contextRewrites(), tree, target.path());
              representations
                  .of(requirement, target.object())
                  .ifPresent(
                      r ->
                          byContext
                              .computeIfAbsent(context, k -> new LinkedHashMap<>())
                              .computeIfAbsent(r, k -> new ArrayList<>())
                              .add(target));
              break;
            }
          }
        }
      }
      List<CompletableFuture<Void>> calls = new ArrayList<>();
      byContext.forEach(
          (context, byRepresentation) -> {
            List<Map<String, Object>> reps = new ArrayList<>(byRepresentation.keySet());
            List<List<PathTargets.Target>> owners = new ArrayList<>(byRepresentation.values());
            for (int from = 0; from < reps.size(); from += maxRepresentations) {
              int to = Math.min(reps.size(), from + maxRepresentations);
              List<List<PathTargets.Target>> chunkOwners = owners.subList(from, to);
              Map<String, Object> requestVariables = new LinkedHashMap<>(usedVariables(fetch));
              requestVariables.putAll(context);
              requestVariables.put("representations", reps.subList(from, to));
              calls.add(
                  send(
                      fetch,
                      requestVariables,
                      () -> failedPaths(fetch, chunkOwners),
                      answer -> mergeEntities(answer, chunkOwners)));
            }
          });
      if (calls.isEmpty()) {
        return CompletableFuture.completedFuture(null);
      }
      return calls.size() == 1
          ? calls.getFirst()
          : CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    }

    /**
     * Where a failed entity fetch leaves a hole: the field it was to provide in each object, or the
     * object itself when it was to provide several.
     */
    private List<List<Object>> failedPaths(
        PlanNode.Fetch fetch, List<List<PathTargets.Target>> owners) {
      List<List<Object>> paths = new ArrayList<>();
      for (List<PathTargets.Target> targets : owners) {
        for (PathTargets.Target target : targets) {
          List<String> keys = providedTo(fetch, target.object().get("__typename"));
          List<Object> path = new ArrayList<>(target.path());
          if (keys.size() == 1) {
            path.add(keys.getFirst());
          }
          paths.add(List.copyOf(path));
        }
      }
      return paths;
    }

    private List<String> providedTo(PlanNode.Fetch fetch, Object typename) {
      Set<String> keys = new LinkedHashSet<>();
      fetch
          .provides()
          .forEach(
              (condition, provided) -> {
                if (condition.isEmpty()
                    || typename instanceof String type
                        && (applies(condition, type)
                            || fetch.requires().stream()
                                .anyMatch(
                                    r ->
                                        r.runtimeType().equals(type)
                                            && r.representationType().equals(condition)))) {
                  keys.addAll(provided);
                }
              });
      return List.copyOf(keys);
    }

    @SuppressWarnings("unchecked")
    private void mergeEntities(SubgraphResponse response, List<List<PathTargets.Target>> owners) {
      if (response.data() != null && response.data().get("_entities") instanceof List<?> list) {
        for (int i = 0; i < list.size() && i < owners.size(); i++) {
          if (list.get(i) instanceof Map<?, ?> entity) {
            for (PathTargets.Target target : owners.get(i)) {
              merger.merge(target.object(), (Map<String, Object>) entity);
            }
          }
        }
      }
      for (Map<String, Object> error : response.errors()) {
        Optional<List<Object>> path = SubgraphFetchError.pathOf(error);
        if (path.isPresent()
            && path.get().size() >= 2
            && "_entities".equals(path.get().get(0))
            && path.get().get(1) instanceof Number index
            && index.intValue() < owners.size()) {
          List<Object> rest = path.get().subList(2, path.get().size());
          for (PathTargets.Target target : owners.get(index.intValue())) {
            List<Object> rewritten = new ArrayList<>(target.path());
            rewritten.addAll(rest);
            errors.add(SubgraphFetchError.fromSubgraph(error, rewritten));
          }
        } else {
          errors.add(SubgraphFetchError.fromSubgraph(error, null));
        }
      }
    }

    private Map<String, Object> usedVariables(PlanNode.Fetch fetch) {
      Map<String, Object> used = new LinkedHashMap<>();
      for (String name : fetch.variableUsages()) {
        if (variables.containsKey(name)) {
          used.put(name, variables.get(name));
        }
      }
      return used;
    }
  }
}
