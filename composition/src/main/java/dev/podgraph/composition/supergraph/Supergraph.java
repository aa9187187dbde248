package dev.podgraph.composition.supergraph;

import java.util.List;

/**
 * The merged schema before printing.
 *
 * @param joinVersion the join spec version, "0.3", "0.4" or "0.5"
 * @param types the merged types (not the link/join spec types, which the printer adds)
 */
public record Supergraph(
    String joinVersion,
    List<JoinGraph> graphs,
    boolean usesTag,
    boolean usesInaccessible,
    List<SupergraphType> types) {
  public Supergraph {
    graphs = List.copyOf(graphs);
    types = List.copyOf(types);
  }
}
