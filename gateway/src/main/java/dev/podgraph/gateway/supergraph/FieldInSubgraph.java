package dev.podgraph.gateway.supergraph;

import graphql.language.SelectionSet;
import java.util.List;
import java.util.Optional;

/**
 * What one subgraph declares about a field ({@code @join__field}).
 *
 * @param external the subgraph does not resolve the field, it only references it
 * @param usedOverridden the field moved away with {@code @override} but is still read here
 * @param type the field's type in this subgraph when it differs from the supergraph's
 * @param overrideLabel the progressive-override label ({@code percent(N)}) on both the overriding
 *     subgraph and the one the field is taken from
 * @param contextArguments arguments read from an ancestor ({@code @fromContext}), not the client
 */
public record FieldInSubgraph(
    boolean external,
    boolean usedOverridden,
    Optional<SelectionSet> requires,
    Optional<SelectionSet> provides,
    Optional<String> overrideFrom,
    Optional<String> type,
    Optional<String> overrideLabel,
    List<ContextArgument> contextArguments) {

  public FieldInSubgraph {
    contextArguments = List.copyOf(contextArguments);
  }

  /** True when a query sent to this subgraph may select the field. */
  public boolean resolves() {
    return !external && !usedOverridden;
  }
}
