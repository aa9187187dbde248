package dev.podgraph.guest.repository;

import dev.podgraph.guest.AppearanceRole;
import dev.podgraph.guest.Audience;
import dev.podgraph.guest.Guest;
import dev.podgraph.guest.GuestRedirect;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class GuestRepository implements PanacheRepositoryBase<Guest, UUID> {

  /**
   * One statement with one array parameter ({@code = any(?)}), whatever the number of ids; unknown
   * ids are simply absent.
   */
  public Map<UUID, Guest> byIds(Collection<UUID> ids) {
    Map<UUID, Guest> found = new HashMap<>();
    if (!ids.isEmpty()) {
      for (Object row :
          getEntityManager()
              .createNativeQuery(
                  "select g.* from guest g where g.id = any(cast(:ids as uuid[]))", Guest.class)
              .setParameter("ids", uuidArray(ids))
              .getResultList()) {
        Guest g = (Guest) row;
        found.put(g.id, g);
      }
    }
    return found;
  }

  /** The ids as one {@code text[]} parameter, for {@code = any(cast(:ids as uuid[]))}. */
  public static String[] uuidArray(Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).toArray(String[]::new);
  }

  public Optional<Guest> bySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }

  public Optional<GuestRedirect> redirectById(UUID oldId) {
    return Optional.ofNullable(getEntityManager().find(GuestRedirect.class, oldId));
  }

  public Optional<GuestRedirect> redirectBySlug(String oldSlug) {
    return getEntityManager()
        .createQuery("from GuestRedirect where oldSlug = ?1", GuestRedirect.class)
        .setParameter(1, oldSlug)
        .getResultStream()
        .findFirst();
  }

  /** Redirects of merged-away ids, keyed by the old id: one statement, one array parameter. */
  public Map<UUID, UUID> redirectTargets(Collection<UUID> oldIds) {
    Map<UUID, UUID> targets = new HashMap<>();
    if (!oldIds.isEmpty()) {
      for (Object row :
          getEntityManager()
              .createNativeQuery(
                  "select r.* from guest_redirect r where r.old_id = any(cast(:ids as uuid[]))",
                  GuestRedirect.class)
              .setParameter("ids", uuidArray(oldIds))
              .getResultList()) {
        GuestRedirect r = (GuestRedirect) row;
        targets.put(r.oldId, r.guestId);
      }
    }
    return targets;
  }

  /** Points every redirect to {@code from} at {@code to}, so chains of merges stay one hop. */
  public void retargetRedirects(UUID from, UUID to) {
    getEntityManager()
        .createQuery("update GuestRedirect set guestId = ?2 where guestId = ?1")
        .setParameter(1, from)
        .setParameter(2, to)
        .executeUpdate();
  }

  public boolean slugTaken(String slug) {
    return count("slug", slug) > 0 || redirectBySlug(slug).isPresent();
  }

  /**
   * One page in the default order (search form of the name, then id), after the given position,
   * matching every word of the name query and, if given, having at least one appearance in the
   * role. Returns up to {@code limit} rows.
   */
  public List<Guest> page(GuestQuery query, GuestPosition after, int limit) {
    StringBuilder jpql = new StringBuilder("from Guest g where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    query.appendTo(jpql, params);
    if (after != null) {
      jpql.append(
          " and (g.searchName > :afterName or (g.searchName = :afterName and g.id > :afterId))");
      params.put("afterName", after.searchName());
      params.put("afterId", after.id());
    }
    jpql.append(" order by g.searchName, g.id");
    TypedQuery<Guest> q = getEntityManager().createQuery(jpql.toString(), Guest.class);
    params.forEach(q::setParameter);
    return q.setMaxResults(limit).getResultList();
  }

  public long count(GuestQuery query) {
    StringBuilder jpql = new StringBuilder("select count(g) from Guest g where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    query.appendTo(jpql, params);
    TypedQuery<Long> q = getEntityManager().createQuery(jpql.toString(), Long.class);
    params.forEach(q::setParameter);
    return q.getSingleResult();
  }

  /**
   * A filter on guests: every word must occur in the search form of the name; with a role, the
   * person must have an appearance in it that the audience may see.
   */
  public record GuestQuery(List<String> nameWords, AppearanceRole role, Audience audience) {
    void appendTo(StringBuilder jpql, Map<String, Object> params) {
      for (int i = 0; i < nameWords.size(); i++) {
        jpql.append(" and g.searchName like :w").append(i).append(" escape '\\'");
        params.put("w" + i, "%" + escapeLike(nameWords.get(i)) + "%");
      }
      if (role != null) {
        jpql.append(
            " and exists (select 1 from Appearance a where a.guest = g and a.role = :role and not "
                + EpisodeVisibilityRepository.hiddenFrom(audience)
                + ")");
        params.put("role", role);
      }
    }

    private static String escapeLike(String word) {
      return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
  }

  /** Where a page starts: the last row of the previous page. */
  public record GuestPosition(String searchName, UUID id) {}
}
