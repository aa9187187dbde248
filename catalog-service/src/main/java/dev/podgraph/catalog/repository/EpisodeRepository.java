package dev.podgraph.catalog.repository;

import dev.podgraph.catalog.Episode;
import dev.podgraph.catalog.EpisodeStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Episode queries; each method is one SQL statement. */
@ApplicationScoped
public class EpisodeRepository implements PanacheRepositoryBase<Episode, UUID> {
  private static final String TS_QUERY = "websearch_to_tsquery('english', :text)";

  public Optional<Episode> findByNumber(int number) {
    return find("number", number).firstResultOptional();
  }

  public Optional<Episode> findBySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }

  public List<Episode> withIds(Collection<UUID> ids) {
    return ids.isEmpty() ? List.of() : list("id in ?1", ids);
  }

  public boolean numberTaken(int number, UUID except) {
    return count("number = ?1 and id <> ?2", number, except) > 0;
  }

  public boolean slugTaken(String slug, UUID except) {
    return count("slug = ?1 and id <> ?2", slug, except) > 0;
  }

  /**
   * Up to {@code limit} episodes matching the filter, ordered by number, strictly after {@code
   * afterNumber} in that order when it is given.
   */
  public List<Episode> page(
      EpisodeStatus status, String category, boolean newestFirst, Integer afterNumber, int limit) {
    List<String> where = new ArrayList<>();
    Parameters params = new Parameters();
    restrict(where, params, status, category);
    if (afterNumber != null) {
      where.add(newestFirst ? "number < :after" : "number > :after");
      params.and("after", afterNumber);
    }
    Sort sort = newestFirst ? Sort.descending("number") : Sort.ascending("number");
    return find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where), sort, params)
        .range(0, limit - 1)
        .list();
  }

  public long count(EpisodeStatus status, String category) {
    List<String> where = new ArrayList<>();
    Parameters params = new Parameters();
    restrict(where, params, status, category);
    return where.isEmpty() ? count() : count(String.join(" and ", where), params);
  }

  /** Full-text matches, best first (ties: newest first), skipping {@code offset}. */
  @SuppressWarnings("unchecked")
  public List<Episode> search(String text, int offset, int limit) {
    return getEntityManager()
        .createNativeQuery(
            "SELECT e.* FROM episode e WHERE e.search_vector @@ "
                + TS_QUERY
                + " ORDER BY ts_rank_cd(e.search_vector, "
                + TS_QUERY
                + ") DESC, e.number DESC OFFSET :offset LIMIT :limit",
            Episode.class)
        .setParameter("text", text)
        .setParameter("offset", offset)
        .setParameter("limit", limit)
        .getResultList();
  }

  public long countSearch(String text) {
    return ((Number)
            getEntityManager()
                .createNativeQuery(
                    "SELECT count(*) FROM episode e WHERE e.search_vector @@ " + TS_QUERY)
                .setParameter("text", text)
                .getSingleResult())
        .longValue();
  }

  private static void restrict(
      List<String> where, Parameters params, EpisodeStatus status, String category) {
    if (status != null) {
      where.add("status = :status");
      params.and("status", status);
    }
    if (category != null) {
      where.add("category = :category");
      params.and("category", category);
    }
  }
}
