package dev.podgraph.gateway.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * How an entity fetch fills one contextual argument's variable ({@code @fromContext}) for each
 * object it is sent for: from the ancestor {@code levelsUp} objects above it on the response path
 * (list levels not counted), when that ancestor is a {@code typeCondition}, the value under {@code
 * value}. Apollo's plans write the same as a {@code KeyRenamer} with the path {@code ["..", "... on
 * T", "prop"]}.
 *
 * @param variable the variable the subgraph operation declares and passes as the argument
 * @param type the variable's type, e.g. {@code String}
 */
public record ContextRewrite(
    int levelsUp, String typeCondition, Projection.Field value, String variable, String type) {

  /** Apollo's notation of the path the value is read at. */
  public List<String> path() {
    List<String> path = new ArrayList<>();
    for (int i = 0; i < levelsUp; i++) {
      path.add("..");
    }
    path.add("... on " + typeCondition);
    path.add(value.sourceKey());
    return List.copyOf(path);
  }

  /** The rewrite as one line: {@code ../... on T/prop → contextualArgument_1_0}. */
  public String describe() {
    return String.join("/", path()) + " \u2192 " + variable;
  }
}
