package dev.podgraph.catalog.graphql;

import io.smallrye.graphql.api.federation.Shareable;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay page info; shareable, so guest-service may define the identical type. */
@Shareable
public record PageInfo(@NonNull Boolean hasNextPage, String endCursor) {}
