package dev.podgraph.catalog;

import org.eclipse.microprofile.graphql.Description;

/** Where an episode is in its publishing lifecycle; see service/EpisodeLifecycle for the moves. */
@Description(
    "Where an episode is in its publishing lifecycle. Callers without the editor role see only"
        + " PUBLISHED and ARCHIVED episodes.")
public enum EpisodeStatus {
  @Description("Being written; seen by editors only.")
  DRAFT,
  @Description("Ready, with a planned publication time (scheduledFor); seen by editors only.")
  SCHEDULED,
  @Description("Public since publishedAt: everyone sees it.")
  PUBLISHED,
  @Description("Taken out of the current listing since archivedAt; still public.")
  ARCHIVED;

  /** Whether callers without the editor role may see an episode in this state. */
  public boolean isPublic() {
    return this == PUBLISHED || this == ARCHIVED;
  }
}
