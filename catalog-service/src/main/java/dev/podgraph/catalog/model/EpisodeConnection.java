package dev.podgraph.catalog.model;

import dev.podgraph.common.paging.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay connection over episodes; one page of it is one cache entry. */
public record EpisodeConnection(
    @NonNull List<@NonNull EpisodeEdge> edges,
    @NonNull PageInfo pageInfo,
    @NonNull @Description(
            "Episodes matching the filter or search that the caller may see, over all pages.")
        Integer totalCount) {}
