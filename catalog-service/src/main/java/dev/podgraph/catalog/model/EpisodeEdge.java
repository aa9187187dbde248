package dev.podgraph.catalog.model;

import org.eclipse.microprofile.graphql.NonNull;

/** Relay edge: an episode and the cursor that resumes after it. */
public record EpisodeEdge(@NonNull String cursor, @NonNull EpisodeView node) {}
