package dev.podgraph.catalog.model;

import dev.podgraph.catalog.EpisodeStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Optional restrictions of {@code episodes}; null fields do not restrict. */
@Description("Restricts episodes; a null field does not restrict.")
@Input("EpisodeFilter")
public record EpisodeFilter(EpisodeStatus status, String category) {}
