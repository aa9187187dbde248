package dev.podgraph.composition.merge;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Names subgraphs in error messages the way Apollo does. */
final class Subgraphs {
  private Subgraphs() {}

  /** {@code subgraph "a"}, {@code subgraphs "a" and "b"}, {@code subgraphs "a", "b" and "c"}. */
  static String list(List<String> names) {
    if (names.size() == 1) {
      return "subgraph \"" + names.getFirst() + "\"";
    }
    List<String> quoted = names.stream().map(n -> "\"" + n + "\"").toList();
    return "subgraphs "
        + String.join(", ", quoted.subList(0, quoted.size() - 1))
        + " and "
        + quoted.getLast();
  }

  /**
   * {@code it has type "String" in subgraph "a" but type "Int" in subgraph "b"}: the subgraphs
   * grouped by what they have, in order of first appearance.
   */
  static String mismatch(Map<String, List<String>> subgraphsByValue) {
    return "it has "
        + subgraphsByValue.entrySet().stream()
            .map(e -> e.getKey() + " in " + list(e.getValue()))
            .collect(Collectors.joining(" but "));
  }
}
