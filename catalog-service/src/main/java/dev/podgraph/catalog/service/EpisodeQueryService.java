package dev.podgraph.catalog.service;

import dev.podgraph.catalog.Episode;
import dev.podgraph.catalog.EpisodeAudience;
import dev.podgraph.catalog.EpisodeStatus;
import dev.podgraph.catalog.cache.EpisodeCache;
import dev.podgraph.catalog.config.CatalogConfig;
import dev.podgraph.catalog.model.EpisodeConnection;
import dev.podgraph.catalog.model.EpisodeEdge;
import dev.podgraph.catalog.model.EpisodeFilter;
import dev.podgraph.catalog.model.EpisodeOrder;
import dev.podgraph.catalog.model.EpisodeView;
import dev.podgraph.catalog.repository.EpisodeRepository;
import dev.podgraph.common.error.DatabaseFailures;
import dev.podgraph.common.error.InvalidInputException;
import dev.podgraph.common.paging.PageInfo;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Reads, cache first, each for an {@link EpisodeAudience}: what the audience may not see does not
 * exist for it (null, not on any page, not counted). A page costs two SQL statements whatever its
 * size (the rows, fetched one extra to know whether a next page exists, and the total count); a
 * batch of entity references one.
 */
@ApplicationScoped
public class EpisodeQueryService {
  private final EpisodeRepository episodes;
  private final EpisodeCache cache;
  private final CatalogConfig config;

  public EpisodeQueryService(EpisodeRepository episodes, EpisodeCache cache, CatalogConfig config) {
    this.episodes = episodes;
    this.cache = cache;
    this.config = config;
  }

  /** By exactly one of id, number and slug; null when there is none the audience sees. */
  @Retry(maxRetries = 1, delay = 0, jitter = 0)
  @RetryWhen(exception = DatabaseFailures.class)
  public EpisodeView find(EpisodeAudience audience, String id, Integer number, String slug) {
    int given = (id == null ? 0 : 1) + (number == null ? 0 : 1) + (slug == null ? 0 : 1);
    if (given != 1) {
      throw new InvalidInputException("Name the episode by exactly one of id, number or slug");
    }
    if (id != null) {
      UUID uuid = parseId(id);
      return cache.byId(
          audience,
          uuid.toString(),
          () -> episodes.findById(uuid, audience).map(EpisodeView::from).orElse(null));
    }
    if (number != null) {
      return cache.byNumber(
          audience,
          number,
          () -> episodes.findByNumber(number, audience).map(EpisodeView::from).orElse(null));
    }
    return cache.bySlug(
        audience,
        slug,
        () -> episodes.findBySlug(slug, audience).map(EpisodeView::from).orElse(null));
  }

  /**
   * Federation: one element per id, in order, null for unknown ids and for episodes the audience
   * does not see; from the per-id cache entries {@link #find} fills too (one MGET), and one SQL
   * statement for the ids Redis does not have.
   */
  @Retry(maxRetries = 1, delay = 0, jitter = 0)
  @RetryWhen(exception = DatabaseFailures.class)
  public List<EpisodeView> byIds(EpisodeAudience audience, List<String> ids) {
    Map<String, String> canonical = new HashMap<>();
    for (String id : ids) {
      UUID uuid = tryParse(id);
      if (uuid != null) {
        canonical.put(id, uuid.toString());
      }
    }
    Map<String, EpisodeView> found =
        cache.byIds(audience, canonical.values(), missing -> load(missing, audience));
    List<EpisodeView> result = new ArrayList<>(ids.size());
    for (String id : ids) {
      String key = canonical.get(id);
      result.add(key == null ? null : found.get(key));
    }
    return result;
  }

  private Map<String, EpisodeView> load(Set<String> ids, EpisodeAudience audience) {
    Map<String, EpisodeView> found = new HashMap<>();
    for (Episode e : episodes.withIds(ids.stream().map(UUID::fromString).toList(), audience)) {
      found.put(e.id.toString(), EpisodeView.from(e));
    }
    return found;
  }

  @Retry(maxRetries = 1, delay = 0, jitter = 0)
  @RetryWhen(exception = DatabaseFailures.class)
  public EpisodeConnection page(
      EpisodeAudience audience,
      Integer first,
      String after,
      EpisodeFilter filter,
      EpisodeOrder orderBy) {
    int size = pageSize(first);
    Integer afterNumber = Cursors.number(after);
    EpisodeStatus status = filter == null ? null : filter.status();
    String category = filter == null ? null : filter.category();
    boolean newestFirst = orderBy != EpisodeOrder.NUMBER_ASC;
    String key =
        String.join(
            ":",
            String.valueOf(status),
            String.valueOf(category),
            newestFirst ? "desc" : "asc",
            Integer.toString(size),
            String.valueOf(afterNumber));
    return cache.page(
        audience,
        key,
        () -> {
          List<Episode> rows =
              episodes.page(audience, status, category, newestFirst, afterNumber, size + 1);
          long total = episodes.count(audience, status, category);
          return connection(rows, size, total, i -> Cursors.afterNumber(rows.get(i).number));
        });
  }

  @Retry(maxRetries = 1, delay = 0, jitter = 0)
  @RetryWhen(exception = DatabaseFailures.class)
  public EpisodeConnection search(
      EpisodeAudience audience, String text, Integer first, String after) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("text", "must not be blank");
    }
    int size = pageSize(first);
    int offset = Cursors.offset(after);
    return cache.search(
        audience,
        text,
        size + ":" + offset,
        () -> {
          List<Episode> rows = episodes.search(audience, text, offset, size + 1);
          long total = episodes.countSearch(audience, text);
          return connection(rows, size, total, i -> Cursors.afterOffset(offset + i + 1));
        });
  }

  private static EpisodeConnection connection(
      List<Episode> rows, int size, long total, IntFunction<String> cursorAfter) {
    List<EpisodeEdge> edges = new ArrayList<>();
    for (int i = 0; i < Math.min(size, rows.size()); i++) {
      edges.add(new EpisodeEdge(cursorAfter.apply(i), EpisodeView.from(rows.get(i))));
    }
    String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
    return new EpisodeConnection(
        edges, new PageInfo(rows.size() > size, endCursor), Math.toIntExact(total));
  }

  private int pageSize(Integer first) {
    int size = first == null ? config.page().defaultSize() : first;
    if (size < 1 || size > config.page().maxSize()) {
      throw new InvalidInputException("first", "must be between 1 and " + config.page().maxSize());
    }
    return size;
  }

  static UUID parseId(String id) {
    UUID uuid = tryParse(id);
    if (uuid == null) {
      throw new InvalidInputException("id", "is not an episode id");
    }
    return uuid;
  }

  private static UUID tryParse(String id) {
    try {
      return id == null ? null : UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
