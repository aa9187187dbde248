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
  // Session.createNativeQuery(String) is deprecated in Hibernate 7 for createNativeQuery(String,
  // Class); these queries map several entities ({a.*}, {g.*}) with addEntity/addJoin, which the
  // result-class form does not express, so the untyped form stays until Hibernate offers one.
  @SuppressWarnings("deprecation")
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
   * episode number where known, then in the order they were recorded): one statement, the ids in
   * one array parameter.
   */
  public List<Appearance> ofGuests(Collection<UUID> guestIds, Audience audience) {
    return ofGuests(
        guestIds,
        " and not exists (select 1 from episode_visibility v"
            + " where cast(v.episode_id as text) = a.episode_id and "
            + EpisodeVisibilityRepository.hiddenSql(audience)
            + ")");
  }

  /** Every appearance of the given guests, whatever the episode (for writes). */
  public List<Appearance> ofGuests(Collection<UUID> guestIds) {
    return ofGuests(guestIds, "");
  }

  @SuppressWarnings("deprecation") // as onEpisodes: several entities in one native query
  private List<Appearance> ofGuests(Collection<UUID> guestIds, String restriction) {
    if (guestIds.isEmpty()) {
      return List.of();
    }
    // The guest is a fetch join: Hibernate hands back the appearances alone, guests attached.
    List<?> rows =
        getEntityManager()
            .unwrap(Session.class)
            .createNativeQuery(
                "select {a.*}, {g.*} from appearance a join guest g on g.id = a.guest_id"
                    + " where a.guest_id = any(cast(:ids as uuid[]))"
                    + restriction
                    + " order by a.episode_number desc nulls last, a.created_at, a.id")
            .addEntity("a", Appearance.class)
            .addJoin("g", "a.guest")
            .setParameter("ids", GuestRepository.uuidArray(guestIds))
            .getResultList();
    return rows.stream().map(r -> (Appearance) (r instanceof Object[] row ? row[0] : r)).toList();
  }

  public Optional<Appearance> of(UUID guestId, String episodeId) {
    return find("guest.id = ?1 and episodeId = ?2", guestId, episodeId).firstResultOptional();
  }

  /** The appearance at {@code position} on the episode, if any. */
  public Optional<Appearance> at(String episodeId, int position) {
    return find("episodeId = ?1 and position = ?2", episodeId, position).firstResultOptional();
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

  /**
   * Removes every appearance on the given episodes (deleted in catalog-service): one statement, one
   * array parameter.
   */
  public long deleteOnEpisodes(Collection<String> episodeIds) {
    if (episodeIds.isEmpty()) {
      return 0;
    }
    return getEntityManager()
        .createNativeQuery("delete from appearance where episode_id = any(cast(:ids as text[]))")
        .setParameter("ids", episodeIds.toArray(String[]::new))
        .executeUpdate();
  }

  public long deleteOfGuest(UUID guestId) {
    return delete("guest.id", guestId);
  }

  public long countOfGuest(UUID guestId) {
    return count("guest.id", guestId);
  }
}
