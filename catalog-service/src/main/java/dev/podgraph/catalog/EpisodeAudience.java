package dev.podgraph.catalog;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is reading, as far as episodes go: editors see every episode, everyone else (no token, or a
 * token without the editor role) only the public ones. Every read path filters by it in SQL, and
 * cache keys carry it, so an editor's read never answers a public caller.
 */
public enum EpisodeAudience {
  PUBLIC,
  EDITORS;

  /** The statuses this audience sees. */
  public Set<EpisodeStatus> statuses() {
    Set<EpisodeStatus> statuses = EnumSet.noneOf(EpisodeStatus.class);
    Arrays.stream(EpisodeStatus.values()).filter(this::sees).forEach(statuses::add);
    return statuses;
  }

  public boolean sees(EpisodeStatus status) {
    return this == EDITORS || status.isPublic();
  }

  /** Whether reads for this audience need no status restriction at all. */
  public boolean seesEverything() {
    return this == EDITORS;
  }
}
