package dev.podgraph.composition.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code join__Graph} enum value of each subgraph, sanitized as Apollo does it. */
final class GraphNames {
  private GraphNames() {}

  /** Names that sanitize to the same value are all numbered ({@code A_B_1}, {@code A_B_2}). */
  static List<String> of(List<String> subgraphNames) {
    Map<String, Integer> counts = new HashMap<>();
    subgraphNames.forEach(n -> counts.merge(sanitize(n), 1, Integer::sum));
    Map<String, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (String name : subgraphNames) {
      String base = sanitize(name);
      out.add(counts.get(base) == 1 ? base : base + "_" + seen.merge(base, 1, Integer::sum));
    }
    return out;
  }

  static String sanitize(String name) {
    String s = name.replaceAll("[^A-Za-z0-9_]", "_");
    if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
      s = "_" + s;
    }
    if (s.matches(".*_\\d+$")) {
      s = s + "_"; // so that it cannot clash with a de-duplication suffix
    }
    return s.toUpperCase(Locale.ROOT);
  }
}
