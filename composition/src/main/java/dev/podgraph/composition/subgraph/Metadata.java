package dev.podgraph.composition.subgraph;

import java.util.List;

/**
 * The composed directives of an element that pass through to the supergraph as they are:
 * {@code @inaccessible}, {@code @tag} and {@code @deprecated}.
 */
public record Metadata(boolean inaccessible, List<String> tags, String deprecationReason) {
  public static final Metadata NONE = new Metadata(false, List.of(), null);

  public Metadata {
    tags = List.copyOf(tags);
  }

  public boolean deprecated() {
    return deprecationReason != null;
  }
}
