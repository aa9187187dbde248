package dev.podgraph.guest.service;

import dev.podgraph.guest.cache.GuestCache;
import dev.podgraph.guest.model.EpisodeChange;
import dev.podgraph.guest.model.EpisodeChange.Kind;
import dev.podgraph.guest.repository.AppearanceRepository;
import dev.podgraph.guest.repository.EpisodeVisibilityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Applies pages of catalog-service's episode change feed to the replica: each page in one
 * transaction together with the feed position, so a crash never loses or half-applies one. A change
 * is applied only if it is newer (greater seq) than what the replica holds for its episode, so
 * delivering a page again, or an older change late, changes nothing.
 */
@ApplicationScoped
public class EpisodeVisibilityWriter {
  /** The feed's row in {@code feed_position}. */
  static final String FEED = "catalog-episodes";

  private final EpisodeVisibilityRepository episodes;
  private final AppearanceRepository appearances;
  private final GuestCache cache;

  EpisodeVisibilityWriter(
      EpisodeVisibilityRepository episodes, AppearanceRepository appearances, GuestCache cache) {
    this.episodes = episodes;
    this.appearances = appearances;
    this.cache = cache;
  }

  /** The feed position applied so far (0 before the first change). */
  @Transactional
  public long position() {
    return episodes.position(FEED);
  }

  /**
   * Applies one page: records each change that is newer than the replica's, removes the appearances
   * of episodes that are now deleted, moves the position to the page's last seq (never back), and
   * invalidates the cached reads after commit if anything changed.
   */
  @Transactional
  public Applied apply(List<EpisodeChange> changes) {
    long position = episodes.lockPosition(FEED);
    Map<UUID, EpisodeChange> newest = new HashMap<>();
    for (EpisodeChange change : changes) {
      newest.merge(change.episodeId(), change, (a, b) -> a.seq() >= b.seq() ? a : b);
    }
    int recorded = 0;
    List<String> deleted = new ArrayList<>();
    for (EpisodeChange change :
        newest.values().stream().sorted(Comparator.comparingLong(EpisodeChange::seq)).toList()) {
      String episodeId = change.episodeId().toString();
      if (change.change() == Kind.DELETED) {
        episodes.lockEpisode(episodeId);
      }
      if (episodes.record(
          change.episodeId(),
          change.change() == Kind.VISIBLE,
          change.change() == Kind.DELETED,
          change.seq())) {
        recorded++;
        if (change.change() == Kind.DELETED) {
          deleted.add(episodeId);
        }
      }
    }
    appearances.deleteOnEpisodes(deleted);
    long last = changes.stream().mapToLong(EpisodeChange::seq).max().orElse(position);
    if (last > position) {
      episodes.movePosition(FEED, last);
      position = last;
    }
    if (recorded > 0) {
      cache.invalidateAppearancesAfterCommit();
    }
    return new Applied(position, recorded);
  }

  /**
   * Whether the position applied here counts in the numbering of the feed that answered: the same
   * identity (or none stored yet, which this then stores) and a head not behind the position.
   */
  @Transactional
  public boolean follows(String feedId, long head) {
    long position = episodes.lockPosition(FEED);
    String stored = episodes.feedId(FEED);
    if (stored == null && feedId != null) {
      episodes.setFeedId(FEED, feedId);
      stored = feedId;
    }
    return Objects.equals(stored, feedId) && position <= head;
  }

  /**
   * The feed that answered is not the one the position counts in (catalog-service's database was
   * replaced or restored): forgets the replica, moves the position back to 0 and stores the new
   * identity, in one transaction, so the feed is read again from its start.
   */
  @Transactional
  public void startOver(String feedId) {
    episodes.lockPosition(FEED);
    episodes.clearReplica();
    episodes.movePosition(FEED, 0);
    episodes.setFeedId(FEED, feedId);
    cache.invalidateAppearancesAfterCommit();
  }

  /** The feed position after a page, and how many of its changes were new to the replica. */
  public record Applied(long position, int recorded) {}
}
