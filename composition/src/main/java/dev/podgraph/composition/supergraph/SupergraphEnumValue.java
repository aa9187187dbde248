package dev.podgraph.composition.supergraph;

import java.util.List;

/** A merged enum value with its {@code @join__enumValue} directives. */
public record SupergraphEnumValue(
    String name, String description, List<AppliedDirective> directives) {
  public SupergraphEnumValue {
    directives = List.copyOf(directives);
  }
}
