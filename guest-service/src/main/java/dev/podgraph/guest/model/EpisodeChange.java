package dev.podgraph.guest.model;

import java.time.Instant;
import java.util.UUID;

/** One entry of catalog-service's episode change feed: what became of an episode, at which seq. */
public record EpisodeChange(long seq, UUID episodeId, Kind change, Instant occurredAt) {

  /** VISIBLE: public again; HIDDEN: editors only; DELETED: gone for good. */
  public enum Kind {
    VISIBLE,
    HIDDEN,
    DELETED
  }
}
