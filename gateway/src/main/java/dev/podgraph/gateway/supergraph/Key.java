package dev.podgraph.gateway.supergraph;

import graphql.language.SelectionSet;

/**
 * A {@code @key} of an entity in one subgraph.
 *
 * @param fields the key's field set, parsed
 * @param resolvable false when the subgraph only references the entity and cannot resolve it
 */
public record Key(SelectionSet fields, String text, boolean resolvable) {}
