package dev.podgraph.guest.model;

import dev.podgraph.common.paging.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One page of people, Relay style. */
@Description("A page of people in name order.")
public record GuestConnection(
    @NonNull List<@NonNull GuestEdge> edges,
    @NonNull PageInfo pageInfo,
    @Description("How many people match the filter, on every page.") int totalCount) {}
