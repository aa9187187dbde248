package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.FieldInSubgraph;
import dev.podgraph.gateway.supergraph.FieldModel;
import dev.podgraph.gateway.supergraph.Supergraph;
import dev.podgraph.gateway.supergraph.TypeModel;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Progressive {@code @override(from:, label: "percent(N)")} (Federation 2.7): the supergraph keeps
 * the field in both subgraphs with {@code overrideLabel}; while the label is active the overriding
 * subgraph resolves it, otherwise the one it was taken from. Each request rolls every {@code
 * percent(N)} label once (active with probability N/100), so that share of requests is routed to
 * the new subgraph; the plan cache keys plans by the labels that were active. Other labels (which
 * Apollo Router lets a coprocessor switch on) are never active here.
 */
public final class OverrideLabels {

  private static final Pattern PERCENT = Pattern.compile("percent\\((\\d{1,3}(?:\\.\\d+)?)\\)");

  /** Every label of the supergraph, with its percentage (null when it is not a percent label). */
  private final Map<String, Double> labels = new LinkedHashMap<>();

  OverrideLabels(Supergraph supergraph) {
    for (TypeModel type : supergraph.types().values()) {
      for (FieldModel field : type.fields().values()) {
        for (FieldInSubgraph in : field.perSubgraph().values()) {
          in.overrideLabel().ifPresent(label -> labels.put(label, percent(label)));
        }
      }
    }
  }

  private static Double percent(String label) {
    Matcher matcher = PERCENT.matcher(label);
    return matcher.matches() ? Math.min(100.0, Double.parseDouble(matcher.group(1))) : null;
  }

  public boolean isEmpty() {
    return labels.isEmpty();
  }

  /** The labels active for one request. */
  public Set<String> roll(RandomGenerator random) {
    Set<String> active = new LinkedHashSet<>();
    labels.forEach(
        (label, percent) -> {
          if (percent != null && random.nextDouble() * 100.0 < percent) {
            active.add(label);
          }
        });
    return Set.copyOf(active);
  }

  /** Whether a subgraph resolves a field whose override may carry a label, given the labels. */
  static boolean resolves(FieldInSubgraph in, Set<String> active) {
    if (in.overrideLabel().isEmpty()) {
      return true;
    }
    boolean on = active.contains(in.overrideLabel().get());
    return in.overrideFrom().isPresent() == on;
  }
}
