package dev.podgraph.catalog;

/** What the change feed says about an episode: whether callers without a role may see it. */
public enum EpisodeChangeKind {
  /** PUBLISHED or ARCHIVED: public. */
  VISIBLE,
  /** DRAFT or SCHEDULED: editors only. */
  HIDDEN,
  /** Gone. */
  DELETED;

  /** The change to report when an episode now has {@code status}. */
  public static EpisodeChangeKind of(EpisodeStatus status) {
    return status.isPublic() ? VISIBLE : HIDDEN;
  }
}
