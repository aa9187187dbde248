package dev.podgraph.composition.supergraph;

import dev.podgraph.composition.subgraph.TypeRef;
import java.util.List;

/** A merged output field with its {@code @join__field} and pass-through directives. */
public record SupergraphField(
    String name,
    String description,
    TypeRef type,
    List<SupergraphArgument> arguments,
    List<AppliedDirective> directives) {
  public SupergraphField {
    arguments = List.copyOf(arguments);
    directives = List.copyOf(directives);
  }
}
