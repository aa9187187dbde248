package dev.podgraph.catalog;

import org.eclipse.microprofile.graphql.Description;

/** Where an episode is in its publishing lifecycle; see service/EpisodeLifecycle for the moves. */
@Description("Where an episode is in its publishing lifecycle.")
public enum EpisodeStatus {
  @Description("Being written; not public.")
  DRAFT,
  @Description("Ready, with a planned publication time (scheduledFor).")
  SCHEDULED,
  @Description("Public since publishedAt.")
  PUBLISHED,
  @Description("Taken out of the current listing since archivedAt; still readable.")
  ARCHIVED
}
