package dev.podgraph.guest.repository;

import dev.podgraph.guest.Appearance;
import dev.podgraph.guest.Audience;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.type.StandardBasicTypes;

@ApplicationScoped
public class AppearanceRepository implements PanacheRepositoryBase<Appearance, UUID> {

  /**
   * The given episodes as the audience sees them, in one statement whatever their number: one row
   * per appearance (with its guest) in appearance order, or a single row without an appearance for
   * an episode that has none or that the replica hides from the audience ({@link
   * EpisodeRow#hidden}).
   */
  public List<EpisodeRow> onEpisodes(Collection<String> episodeIds, Audience audience) {
    if (episodeIds.isEmpty()) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        getEntityManager()
            .unwrap(Session.class)
            .createNativeQuery(
                "select e.id as episode, v.episode_id is not null as hidden, {a.*}, {g.*}"
                    + " from unnest(cast(:ids as text[])) as e(id)"
                    + " left join episode_visibility v on cast(v.episode_id as text) = e.id and "
                    + EpisodeVisibilityRepository.hiddenSql(audience)
                    + " left join appearance a on a.episode_id = e.id and v.episode_id is null"
                    + " left join guest g on g.id = a.guest_id"
                    + " order by e.id, a.position, a.created_at, a.id")
            .addScalar("episode", StandardBasicTypes.STRING)
            .addScalar("hidden", StandardBasicTypes.BOOLEAN)
            .addEntity("a", Appearance.class)
            .addJoin("g", "a.guest")
            .setParameter("ids", episodeIds.toArray(String[]::new))
            .getResultList();
    return rows.stream()
        .map(r -> new EpisodeRow((String) r[0], (Boolean) r[1], (Appearance) r[2]))
        .toList();
  }

  /** An episode asked for, and one of its appearances (null when it has none to show). */
  public record EpisodeRow(String episodeId, boolean hidden, Appearance appearance) {}

  /**
   * Every appearance of the given guests that the audience may see, newest episode first (by
   * episode number where known, then in the order they were recorded): one statement.
   */
  public List<Appearance> ofGuests(Collection<UUID> guestIds, Audience audience) {
    return ofGuests(guestIds, " and not " + EpisodeVisibilityRepository.hiddenFrom(audience));
  }

  /** Every appearance of the given guests, whatever the episode (for writes). */
  public List<Appearance> ofGuests(Collection<UUID> guestIds) {
    return ofGuests(guestIds, "");
  }

  private List<Appearance> ofGuests(Collection<UUID> guestIds, String restriction) {
    if (guestIds.isEmpty()) {
      return List.of();
    }
    return getEntityManager()
        .createQuery(
            "select a from Appearance a join fetch a.guest where a.guest.id in ?1"
                + restriction
                + " order by a.episodeNumber desc nulls last, a.createdAt, a.id",
            Appearance.class)
        .setParameter(1, guestIds)
        .getResultList();
  }

  public Optional<Appearance> of(UUID guestId, String episodeId) {
    return find("guest.id = ?1 and episodeId = ?2", guestId, episodeId).firstResultOptional();
  }

  /** The position after the last appearance on the episode (0 on an episode without any). */
  public int nextPosition(String episodeId) {
    Integer max =
        getEntityManager()
            .createQuery(
                "select max(a.position) from Appearance a where a.episodeId = ?1", Integer.class)
            .setParameter(1, episodeId)
            .getSingleResult();
    return max == null ? 0 : max + 1;
  }

  /** Removes every appearance on the given episodes (deleted in catalog-service). */
  public long deleteOnEpisodes(Collection<String> episodeIds) {
    return episodeIds.isEmpty() ? 0 : delete("episodeId in ?1", episodeIds);
  }

  public long deleteOfGuest(UUID guestId) {
    return delete("guest.id", guestId);
  }

  public long countOfGuest(UUID guestId) {
    return count("guest.id", guestId);
  }
}
