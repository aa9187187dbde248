package dev.podgraph.composition.supergraph;

/** A value of the {@code join__Graph} enum: how the supergraph names a subgraph. */
public record JoinGraph(String enumValue, String name, String url) {}
