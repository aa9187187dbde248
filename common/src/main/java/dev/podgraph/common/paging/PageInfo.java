package dev.podgraph.common.paging;

import io.smallrye.graphql.api.federation.Shareable;

/**
 * Relay page info, the one type every subgraph's connections return; {@code @Shareable}, so the
 * supergraph holds it once whichever subgraphs define it.
 */
@Shareable
public record PageInfo(boolean hasNextPage, String endCursor) {}
