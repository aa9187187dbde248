package dev.podgraph.composition.subgraph;

/** One {@code @key} of an entity in one subgraph. */
public record Key(String fields, boolean resolvable, boolean onExtension) {}
