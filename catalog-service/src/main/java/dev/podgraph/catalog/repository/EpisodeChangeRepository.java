package dev.podgraph.catalog.repository;

import dev.podgraph.catalog.EpisodeChange;
import dev.podgraph.catalog.EpisodeChangeKind;
import dev.podgraph.catalog.EpisodeChangePage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * The change feed's tables (V2 migration): {@code episode_change}, one row per episode with its
 * newest change, and {@code episode_change_head}, the last seq handed out. Each method is one SQL
 * statement.
 */
@ApplicationScoped
public class EpisodeChangeRepository {
  private final EntityManager em;

  public EpisodeChangeRepository(EntityManager em) {
    this.em = em;
  }

  /**
   * Records {@code change} of an episode in the caller's transaction, replacing the episode's
   * previous change; returns its seq. Call it last in the write transaction: from here on the
   * transaction holds the head row, and every other writer waits for it to commit (which is what
   * makes seqs visible in commit order, see V2 migration).
   */
  public long record(UUID episodeId, EpisodeChangeKind change, Instant occurredAt) {
    Object seq =
        em.createNativeQuery(
                """
                WITH next AS (
                    UPDATE episode_change_head SET seq = seq + 1 WHERE id = 1 RETURNING seq)
                INSERT INTO episode_change (seq, episode_id, change, occurred_at)
                SELECT next.seq, :episode, :change, :at FROM next
                ON CONFLICT (episode_id) DO UPDATE
                    SET seq = EXCLUDED.seq,
                        change = EXCLUDED.change,
                        occurred_at = EXCLUDED.occurred_at
                RETURNING seq
                """)
            .setParameter("episode", episodeId)
            .setParameter("change", change.name())
            .setParameter("at", occurredAt)
            .getSingleResult();
    return ((Number) seq).longValue();
  }

  /** Up to {@code limit} changes with seq greater than {@code after}, ascending. */
  @SuppressWarnings("unchecked")
  public EpisodeChangePage after(long after, int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT h.head, h.feed_id, c.seq, c.episode_id, c.change, c.occurred_at
                  FROM (SELECT (SELECT coalesce(max(seq), 0) FROM episode_change) AS head,
                               (SELECT feed_id FROM episode_change_head WHERE id = 1) AS feed_id) h
                  LEFT JOIN LATERAL (
                      SELECT * FROM episode_change WHERE seq > :after ORDER BY seq LIMIT :limit
                  ) c ON TRUE
                 ORDER BY c.seq
                """)
            .unwrap(NativeQuery.class)
            .addScalar("head", Long.class)
            .addScalar("feed_id", UUID.class)
            .addScalar("seq", Long.class)
            .addScalar("episode_id", UUID.class)
            .addScalar("change", String.class)
            .addScalar("occurred_at", Instant.class)
            .setParameter("after", after)
            .setParameter("limit", limit)
            .getResultList();
    List<EpisodeChange> changes = new ArrayList<>();
    for (Object[] row : rows) {
      if (row[2] != null) {
        changes.add(
            new EpisodeChange(
                (Long) row[2],
                (UUID) row[3],
                EpisodeChangeKind.valueOf((String) row[4]),
                (Instant) row[5]));
      }
    }
    return new EpisodeChangePage(rows.get(0)[1].toString(), changes, (Long) rows.get(0)[0]);
  }
}
