package dev.podgraph.guest.repository;

import dev.podgraph.guest.Appearance;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AppearanceRepository implements PanacheRepositoryBase<Appearance, UUID> {

  /**
   * Every appearance on the given episodes with its guest, in appearance order: one statement,
   * whatever the number of episodes.
   */
  public List<Appearance> onEpisodes(Collection<String> episodeIds) {
    if (episodeIds.isEmpty()) {
      return List.of();
    }
    return getEntityManager()
        .createQuery(
            "select a from Appearance a join fetch a.guest where a.episodeId in ?1"
                + " order by a.episodeId, a.position, a.createdAt, a.id",
            Appearance.class)
        .setParameter(1, episodeIds)
        .getResultList();
  }

  /**
   * Every appearance of the given guests, newest episode first (by episode number where known, then
   * in the order they were recorded): one statement.
   */
  public List<Appearance> ofGuests(Collection<UUID> guestIds) {
    if (guestIds.isEmpty()) {
      return List.of();
    }
    return getEntityManager()
        .createQuery(
            "select a from Appearance a join fetch a.guest where a.guest.id in ?1"
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

  public long deleteOfGuest(UUID guestId) {
    return delete("guest.id", guestId);
  }

  public long countOfGuest(UUID guestId) {
    return count("guest.id", guestId);
  }
}
