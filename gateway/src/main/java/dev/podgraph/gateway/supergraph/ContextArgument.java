package dev.podgraph.gateway.supergraph;

import graphql.language.SelectionSet;

/**
 * A field argument a subgraph reads from an ancestor instead of the client (Federation 2.8 {@code
 * @fromContext}), as the supergraph's {@code @join__field(contextArguments:)} declares it.
 *
 * @param context the context's supergraph name (subgraph-prefixed, e.g. {@code one__ctx}), set on
 *     types by {@code @context(name:)}
 * @param name the argument's name in the subgraph
 * @param type the argument's type as written, e.g. {@code String}
 * @param selection what is read from the ancestor, e.g. {@code { prop }}
 */
public record ContextArgument(String context, String name, String type, SelectionSet selection) {}
