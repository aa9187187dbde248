package dev.podgraph.gateway.execute;

import dev.podgraph.gateway.plan.EntityRequirement;
import dev.podgraph.gateway.plan.InternalAliases;
import dev.podgraph.gateway.plan.PlanNode;
import dev.podgraph.gateway.plan.QueryPlan;
import dev.podgraph.gateway.supergraph.Subgraph;
import dev.podgraph.gateway.supergraph.Supergraph;
import dev.podgraph.gateway.supergraph.TypeModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a query plan: sends its fetches (independent ones concurrently), merges every answer into
 * one tree and rewrites subgraph error paths to that tree. A failed fetch becomes an error and
 * leaves its part of the tree empty; it never fails the rest.
 */
public final class PlanExecutor {

  private final SubgraphClient client;

  public PlanExecutor(SubgraphClient client) {
    this.client = client;
  }

  public CompletableFuture<MergedResult> execute(
      Supergraph supergraph,
      QueryPlan plan,
      Map<String, Object> variables,
      Map<String, String> headers) {
    Execution execution = new Execution(supergraph, variables, headers);
    if (plan.root().isEmpty()) {
      return CompletableFuture.completedFuture(new MergedResult(execution.tree, execution.errors));
    }
    return execution
        .run(plan.root().get())
        .thenApply(v -> new MergedResult(execution.tree, execution.errors));
  }

  private final class Execution {
    final Map<String, Object> tree = new LinkedHashMap<>();
    final List<Map<String, Object>> errors = new ArrayList<>();
    final Supergraph supergraph;
    final Map<String, Object> variables;
    final Map<String, String> headers;
    final TreeMerger merger;
    final Representations representations;

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
    }

    private boolean applies(String condition, String typeName) {
      return condition.equals(typeName)
          || supergraph
              .findType(typeName)
              .map(t -> t.interfaces().contains(condition))
              .orElse(false)
          || supergraph.findType(condition).map(t -> t.members().contains(typeName)).orElse(false);
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
          answer -> {
            if (answer.data() != null) {
              merger.merge(tree, answer.data());
            }
            for (Map<String, Object> error : answer.errors()) {
              errors.add(clean(error, readPath(error).orElse(null)));
            }
          });
    }

    /**
     * Sends one fetch; under this executor's lock, a failure becomes an UNAVAILABLE error and an
     * answer (aliases restored) goes to {@code onAnswer}.
     */
    private CompletableFuture<Void> send(
        PlanNode.Fetch fetch, Map<String, Object> variables, Consumer<SubgraphResponse> onAnswer) {
      Subgraph subgraph = supergraph.subgraphs().get(fetch.subgraph());
      return client
          .send(subgraph, fetch.operation(), variables, headers)
          .toCompletableFuture()
          .handle(
              (response, failure) -> {
                synchronized (this) {
                  if (failure != null) {
                    errors.add(unavailable(subgraph, failure));
                  } else {
                    onAnswer.accept(restoreAliases(fetch, response));
                  }
                  return null;
                }
              });
    }

    private CompletableFuture<Void> entityFetch(PlanNode.Flatten flatten) {
      PlanNode.Fetch fetch = flatten.fetch();
      Map<Map<String, Object>, List<Target>> byRepresentation = new LinkedHashMap<>();
      synchronized (this) {
        List<Target> targets = new ArrayList<>();
        collect(tree, flatten.path(), 0, new ArrayList<>(), targets);
        for (Target target : targets) {
          Object typename = target.object().get("__typename");
          for (EntityRequirement requirement : fetch.requires()) {
            if (requirement.runtimeType().equals(typename)) {
              representations
                  .of(requirement, target.object())
                  .ifPresent(
                      r -> byRepresentation.computeIfAbsent(r, k -> new ArrayList<>()).add(target));
              break;
            }
          }
        }
      }
      if (byRepresentation.isEmpty()) {
        return CompletableFuture.completedFuture(null);
      }
      List<Map<String, Object>> reps = new ArrayList<>(byRepresentation.keySet());
      List<List<Target>> owners = new ArrayList<>(byRepresentation.values());
      Map<String, Object> requestVariables = new LinkedHashMap<>(usedVariables(fetch));
      requestVariables.put("representations", reps);
      return send(fetch, requestVariables, answer -> mergeEntities(answer, owners));
    }

    @SuppressWarnings("unchecked")
    private void mergeEntities(SubgraphResponse response, List<List<Target>> owners) {
      if (response.data() != null && response.data().get("_entities") instanceof List<?> list) {
        for (int i = 0; i < list.size() && i < owners.size(); i++) {
          if (list.get(i) instanceof Map<?, ?> entity) {
            for (Target target : owners.get(i)) {
              merger.merge(target.object(), (Map<String, Object>) entity);
            }
          }
        }
      }
      for (Map<String, Object> error : response.errors()) {
        Optional<List<Object>> path = readPath(error);
        if (path.isPresent()
            && path.get().size() >= 2
            && "_entities".equals(path.get().get(0))
            && path.get().get(1) instanceof Number index
            && index.intValue() < owners.size()) {
          List<Object> rest = path.get().subList(2, path.get().size());
          for (Target target : owners.get(index.intValue())) {
            List<Object> rewritten = new ArrayList<>(target.path());
            rewritten.addAll(rest);
            errors.add(clean(error, rewritten));
          }
        } else {
          errors.add(clean(error, null));
        }
      }
    }

    @SuppressWarnings("unchecked")
    private void collect(
        Object value, List<String> path, int at, List<Object> current, List<Target> out) {
      if (value == null) {
        return;
      }
      if (at == path.size()) {
        if (value instanceof Map<?, ?> map) {
          out.add(new Target((Map<String, Object>) map, List.copyOf(current)));
        } else if (value instanceof List<?> list) {
          collectList(list, path, at, current, out);
        }
        return;
      }
      String segment = path.get(at);
      if (segment.equals("@")) {
        if (value instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            current.add(i);
            collect(list.get(i), path, at + 1, current, out);
            current.removeLast();
          }
        }
        return;
      }
      if (value instanceof Map<?, ?> map) {
        current.add(segment);
        collect(map.get(segment), path, at + 1, current, out);
        current.removeLast();
      }
    }

    private void collectList(
        List<?> list, List<String> path, int at, List<Object> current, List<Target> out) {
      for (int i = 0; i < list.size(); i++) {
        current.add(i);
        collect(list.get(i), path, at, current, out);
        current.removeLast();
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

  private record Target(Map<String, Object> object, List<Object> path) {}

  private static SubgraphResponse restoreAliases(PlanNode.Fetch fetch, SubgraphResponse response) {
    if (!fetch.operation().contains(InternalAliases.MARKER)) {
      return response;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) restore(response.data());
    List<Map<String, Object>> errors = new ArrayList<>();
    for (Map<String, Object> error : response.errors()) {
      Map<String, Object> copy = new LinkedHashMap<>(error);
      readPath(error)
          .ifPresent(
              path ->
                  copy.put(
                      "path",
                      path.stream()
                          .map(s -> s instanceof String k ? InternalAliases.original(k) : s)
                          .toList()));
      errors.add(copy);
    }
    return new SubgraphResponse(data, errors);
  }

  private static Object restore(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> restored = new LinkedHashMap<>();
      map.forEach((k, v) -> restored.put(InternalAliases.original((String) k), restore(v)));
      return restored;
    }
    if (value instanceof List<?> list) {
      List<Object> restored = new ArrayList<>(list.size());
      list.forEach(v -> restored.add(restore(v)));
      return restored;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Optional<List<Object>> readPath(Map<String, Object> error) {
    return error.get("path") instanceof List<?> list
        ? Optional.of((List<Object>) list)
        : Optional.empty();
  }

  /** Keeps what a client may see of a subgraph error: its message, extensions and our path. */
  private static Map<String, Object> clean(Map<String, Object> error, List<Object> path) {
    Map<String, Object> cleaned = new LinkedHashMap<>();
    cleaned.put("message", String.valueOf(error.getOrDefault("message", "Subgraph error")));
    if (path != null) {
      cleaned.put("path", path);
    }
    if (error.get("extensions") instanceof Map<?, ?> extensions && !extensions.isEmpty()) {
      cleaned.put("extensions", extensions);
    }
    return cleaned;
  }

  private static Map<String, Object> unavailable(Subgraph subgraph, Throwable failure) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", "Subgraph '" + subgraph.name() + "' is unavailable.");
    error.put("extensions", Map.of("code", "UNAVAILABLE", "serviceName", subgraph.name()));
    return error;
  }
}
