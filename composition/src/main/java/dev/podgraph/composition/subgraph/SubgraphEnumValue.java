package dev.podgraph.composition.subgraph;

/** A value of an enum in one subgraph. */
public record SubgraphEnumValue(String name, String description, Metadata metadata) {}
