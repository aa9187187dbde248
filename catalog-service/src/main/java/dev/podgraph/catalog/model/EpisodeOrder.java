package dev.podgraph.catalog.model;

import org.eclipse.microprofile.graphql.Description;

/** Orders of {@code episodes}; newest (highest number) first by default. */
@Description("Order of episodes: by episode number.")
public enum EpisodeOrder {
  @Description("Newest first (the default).")
  NUMBER_DESC,
  @Description("Oldest first.")
  NUMBER_ASC
}
