package dev.podgraph.guest.service;

import io.smallrye.graphql.api.federation.Shareable;

/** Relay page info; shareable because every subgraph with a connection defines the same type. */
@Shareable
public record PageInfo(boolean hasNextPage, String endCursor) {}
