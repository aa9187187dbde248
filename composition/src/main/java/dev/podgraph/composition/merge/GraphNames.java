package dev.podgraph.composition.merge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code join__Graph} enum value of each subgraph, sanitized as Apollo does it. */
final class GraphNames {
  private GraphNames() {}

  static List<String> of(List<String> subgraphNames) {
    List<String> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (String name : subgraphNames) {
      String base = sanitize(name);
      String candidate = base;
      for (int n = 1; !taken.add(candidate); n++) {
        candidate = base + "_" + n;
      }
      out.add(candidate);
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
