package dev.podgraph.gateway.supergraph;

import java.util.List;

/** What one subgraph declares about a type: its keys and whether it is an interface object. */
public record TypeInSubgraph(List<Key> keys, boolean interfaceObject, boolean extension) {

  public TypeInSubgraph {
    keys = List.copyOf(keys);
  }
}
