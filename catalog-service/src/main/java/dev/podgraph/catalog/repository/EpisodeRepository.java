package dev.podgraph.catalog.repository;

import dev.podgraph.catalog.Episode;
import dev.podgraph.catalog.EpisodeAudience;
import dev.podgraph.catalog.EpisodeStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Episode queries; each method is one SQL statement. Reads take the {@link EpisodeAudience} and
 * restrict by status in the statement itself, so pages are full, counts and cursors are right.
 */
@ApplicationScoped
public class EpisodeRepository implements PanacheRepositoryBase<Episode, UUID> {
  private static final String TS_QUERY = "websearch_to_tsquery('english', :text)";

  public Optional<Episode> findById(UUID id, EpisodeAudience audience) {
    return findOne("id = :key", id, audience);
  }

  public Optional<Episode> findByNumber(int number, EpisodeAudience audience) {
    return findOne("number = :key", number, audience);
  }

  public Optional<Episode> findBySlug(String slug, EpisodeAudience audience) {
    return findOne("slug = :key", slug, audience);
  }

  /**
   * The episodes with the given ids that the audience sees: one statement with one array parameter
   * ({@code = any(?)}), so no number of ids comes near PostgreSQL's 65,535-parameter limit.
   */
  @SuppressWarnings("unchecked")
  public List<Episode> withIds(Collection<UUID> ids, EpisodeAudience audience) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Query query =
        getEntityManager()
            .createNativeQuery(
                "SELECT e.* FROM episode e WHERE e.id = ANY(CAST(:ids AS uuid[]))"
                    + statusRestriction(audience),
                Episode.class)
            .setParameter("ids", ids.stream().map(UUID::toString).toArray(String[]::new));
    return withStatuses(query, audience).getResultList();
  }

  public boolean numberTaken(int number, UUID except) {
    return count("number = ?1 and id <> ?2", number, except) > 0;
  }

  public boolean slugTaken(String slug, UUID except) {
    return count("slug = ?1 and id <> ?2", slug, except) > 0;
  }

  /**
   * Up to {@code limit} episodes the audience sees that match the filter, ordered by number,
   * strictly after {@code afterNumber} in that order when it is given.
   */
  public List<Episode> page(
      EpisodeAudience audience,
      EpisodeStatus status,
      String category,
      boolean newestFirst,
      Integer afterNumber,
      int limit) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    restrict(where, params, audience, status, category);
    if (afterNumber != null) {
      where.add(newestFirst ? "number < :after" : "number > :after");
      params.put("after", afterNumber);
    }
    Sort sort = newestFirst ? Sort.descending("number") : Sort.ascending("number");
    return find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where), sort, params)
        .range(0, limit - 1)
        .list();
  }

  public long count(EpisodeAudience audience, EpisodeStatus status, String category) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    restrict(where, params, audience, status, category);
    return where.isEmpty() ? count() : count(String.join(" and ", where), params);
  }

  /** Full-text matches the audience sees, best first (ties: newest first), skipping offset. */
  @SuppressWarnings("unchecked")
  public List<Episode> search(EpisodeAudience audience, String text, int offset, int limit) {
    Query query =
        getEntityManager()
            .createNativeQuery(
                "SELECT e.* FROM episode e WHERE e.search_vector @@ "
                    + TS_QUERY
                    + statusRestriction(audience)
                    + " ORDER BY ts_rank_cd(e.search_vector, "
                    + TS_QUERY
                    + ") DESC, e.number DESC OFFSET :offset LIMIT :limit",
                Episode.class)
            .setParameter("text", text)
            .setParameter("offset", offset)
            .setParameter("limit", limit);
    return withStatuses(query, audience).getResultList();
  }

  public long countSearch(EpisodeAudience audience, String text) {
    Query query =
        getEntityManager()
            .createNativeQuery(
                "SELECT count(*) FROM episode e WHERE e.search_vector @@ "
                    + TS_QUERY
                    + statusRestriction(audience))
            .setParameter("text", text);
    return ((Number) withStatuses(query, audience).getSingleResult()).longValue();
  }

  private Optional<Episode> findOne(String condition, Object key, EpisodeAudience audience) {
    List<String> where = new ArrayList<>(List.of(condition));
    Map<String, Object> params = new HashMap<>(Map.of("key", key));
    restrict(where, params, audience, null, null);
    return find(String.join(" and ", where), params).firstResultOptional();
  }

  private static String statusRestriction(EpisodeAudience audience) {
    return audience.seesEverything() ? "" : " AND e.status IN (:statuses)";
  }

  private static Query withStatuses(Query query, EpisodeAudience audience) {
    return audience.seesEverything()
        ? query
        : query.setParameter("statuses", audience.statuses().stream().map(Enum::name).toList());
  }

  private static void restrict(
      List<String> where,
      Map<String, Object> params,
      EpisodeAudience audience,
      EpisodeStatus status,
      String category) {
    if (!audience.seesEverything()) {
      where.add("status in :visible");
      params.put("visible", audience.statuses());
    }
    if (status != null) {
      where.add("status = :status");
      params.put("status", status);
    }
    if (category != null) {
      where.add("category = :category");
      params.put("category", category);
    }
  }
}
