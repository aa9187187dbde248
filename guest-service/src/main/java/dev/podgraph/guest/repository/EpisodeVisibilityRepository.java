package dev.podgraph.guest.repository;

import dev.podgraph.guest.Audience;
import dev.podgraph.guest.EpisodeVisibility;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The replica of catalog-service's episode visibility, and how far its feed has been read. */
@ApplicationScoped
public class EpisodeVisibilityRepository implements PanacheRepositoryBase<EpisodeVisibility, UUID> {

  /**
   * An HQL condition, true when the appearance {@code a} is on an episode that the replica says the
   * audience may not see. Episodes the replica has not heard of are visible.
   */
  public static String hiddenFrom(Audience audience) {
    return "exists (select 1 from EpisodeVisibility v where cast(v.episodeId as String) = a.episodeId"
        + " and "
        + hiddenCondition(audience, "v.deleted = true", "v.visible = false")
        + ")";
  }

  /** The same rule in SQL, on an {@code episode_visibility} row aliased {@code v}. */
  public static String hiddenSql(Audience audience) {
    return hiddenCondition(audience, "v.deleted", "not v.visible");
  }

  private static String hiddenCondition(Audience audience, String deleted, String notVisible) {
    return switch (audience) {
      case EDITORS -> deleted;
      case PUBLIC -> "(" + deleted + " or " + notVisible + ")";
    };
  }

  /**
   * Records a change unless the replica already holds this or a newer one for the episode: one
   * statement, so concurrent or repeated deliveries apply in seq order and at most once. Returns
   * whether the row changed.
   */
  public boolean record(UUID episodeId, boolean visible, boolean deleted, long seq) {
    return getEntityManager()
            .createNativeQuery(
                "insert into episode_visibility (episode_id, visible, deleted, seq)"
                    + " values (?1, ?2, ?3, ?4)"
                    + " on conflict (episode_id) do update set visible = excluded.visible,"
                    + " deleted = excluded.deleted, seq = excluded.seq"
                    + " where episode_visibility.seq < excluded.seq")
            .setParameter(1, episodeId)
            .setParameter(2, visible)
            .setParameter(3, deleted)
            .setParameter(4, seq)
            .executeUpdate()
        == 1;
  }

  /**
   * Whether the feed said this episode was deleted (false for ids that are not catalog's UUIDs).
   */
  public boolean knownDeleted(String episodeId) {
    UUID id = parse(episodeId);
    if (id == null) {
      return false;
    }
    EpisodeVisibility row = findById(id);
    return row != null && row.deleted;
  }

  /**
   * Serialises writers of one episode's appearances, until the transaction ends: {@code
   * addAppearance} takes it before checking the replica, the feed before deleting a deleted
   * episode's appearances, so no appearance is added behind a deletion's back.
   */
  public void lockEpisode(String episodeId) {
    getEntityManager()
        .createNativeQuery(
            "select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) locked")
        .setParameter(1, "episode:" + episodeId)
        .getSingleResult();
  }

  /** The feed position applied so far. */
  public long position(String feed) {
    return ((Number)
            getEntityManager()
                .createNativeQuery("select seq from feed_position where feed = ?1")
                .setParameter(1, feed)
                .getSingleResult())
        .longValue();
  }

  /**
   * The feed position, locked until the transaction ends: replicas of this service applying the
   * same feed take turns.
   */
  public long lockPosition(String feed) {
    return ((Number)
            getEntityManager()
                .createNativeQuery("select seq from feed_position where feed = ?1 for update")
                .setParameter(1, feed)
                .getSingleResult())
        .longValue();
  }

  /** The identity of the feed the position counts in; null before the first answer. */
  public String feedId(String feed) {
    return (String)
        getEntityManager()
            .createNativeQuery("select feed_id from feed_position where feed = ?1")
            .setParameter(1, feed)
            .getSingleResult();
  }

  public void setFeedId(String feed, String feedId) {
    getEntityManager()
        .createNativeQuery("update feed_position set feed_id = ?2 where feed = ?1")
        .setParameter(1, feed)
        .setParameter(2, feedId)
        .executeUpdate();
  }

  /** Forgets every episode the replica knows (the feed is read again from its start). */
  public void clearReplica() {
    getEntityManager().createNativeQuery("delete from episode_visibility").executeUpdate();
  }

  public void movePosition(String feed, long seq) {
    getEntityManager()
        .createNativeQuery("update feed_position set seq = ?2 where feed = ?1")
        .setParameter(1, feed)
        .setParameter(2, seq)
        .executeUpdate();
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
