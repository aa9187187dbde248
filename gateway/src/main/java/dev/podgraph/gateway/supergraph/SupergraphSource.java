package dev.podgraph.gateway.supergraph;

/**
 * Where the supergraph text comes from: a file (production) or composition from the subgraphs
 * (development). Called at start-up and on every reload tick.
 */
public interface SupergraphSource {

  /** The current supergraph SDL; throws {@link InvalidSupergraphException} when unavailable. */
  String load();

  /** Names the source in log lines and start-up errors. */
  String describe();
}
