package dev.podgraph.composition.supergraph;

import dev.podgraph.composition.subgraph.TypeRef;
import java.util.List;

/** A merged field argument or input field. */
public record SupergraphArgument(
    String name,
    String description,
    TypeRef type,
    String defaultValue,
    List<AppliedDirective> directives) {
  public SupergraphArgument {
    directives = List.copyOf(directives);
  }
}
