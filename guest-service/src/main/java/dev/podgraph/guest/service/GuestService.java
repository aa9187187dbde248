package dev.podgraph.guest.service;

import dev.podgraph.common.error.DatabaseFailures;
import dev.podgraph.common.error.InvalidInputException;
import dev.podgraph.common.paging.PageInfo;
import dev.podgraph.guest.Appearance;
import dev.podgraph.guest.Audience;
import dev.podgraph.guest.Guest;
import dev.podgraph.guest.cache.GuestCache;
import dev.podgraph.guest.config.GuestPageConfig;
import dev.podgraph.guest.model.AppearanceView;
import dev.podgraph.guest.model.EpisodeLineup;
import dev.podgraph.guest.model.GuestConnection;
import dev.podgraph.guest.model.GuestEdge;
import dev.podgraph.guest.model.GuestFilter;
import dev.podgraph.guest.model.GuestView;
import dev.podgraph.guest.repository.AppearanceRepository;
import dev.podgraph.guest.repository.AppearanceRepository.EpisodeRow;
import dev.podgraph.guest.repository.GuestRepository;
import dev.podgraph.guest.repository.GuestRepository.GuestPosition;
import dev.podgraph.guest.repository.GuestRepository.GuestQuery;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Reads: cache-aside over PostgreSQL, each of them one SQL statement on a miss, whatever the number
 * of ids. Writes live in {@link GuestWriter}.
 */
@ApplicationScoped
public class GuestService {
  private final GuestRepository guests;
  private final AppearanceRepository appearances;
  private final GuestCache cache;
  private final GuestPageConfig pageSizes;

  GuestService(
      GuestRepository guests,
      AppearanceRepository appearances,
      GuestCache cache,
      GuestPageConfig pageSizes) {
    this.guests = guests;
    this.appearances = appearances;
    this.cache = cache;
    this.pageSizes = pageSizes;
  }

  /** The person with this id, or the one a merged-away id now points to. */
  @Retry(maxRetries = 1, delay = 0, jitter = 0)
  @RetryWhen(exception = DatabaseFailures.class)
  public Optional<GuestView> byId(String id) {
    UUID uuid = parseId(id, "id");
    return Optional.ofNullable(cache.guest(uuid.toString(), () -> load(uuid)));
  }

  @Retry(maxRetries = 1, delay = 0, jitter = 0)
  @RetryWhen(exception = DatabaseFailures.class)
  public Optional<GuestView> bySlug(String slug) {
    return Optional.ofNullable(cache.guestBySlug(slug, () -> loadBySlug(slug)));
  }

  /**
   * One result per id, in order, null where unknown (federation entity resolution): one SQL
   * statement for every id the cache misses.
   */
  @Retry(maxRetries = 1, delay = 0, jitter = 0)
  @RetryWhen(exception = DatabaseFailures.class)
  public List<GuestView> byIds(List<String> ids) {
    Map<String, GuestView> found = cache.guests(new LinkedHashSet<>(ids), this::loadAll);
    return ids.stream().map(found::get).toList();
  }

  /**
   * Each episode's appearances in appearance order, as the audience sees them: one SQL statement
   * for all cache misses.
   */
  @Retry(maxRetries = 1, delay = 0, jitter = 0)
  @RetryWhen(exception = DatabaseFailures.class)
  public Map<String, EpisodeLineup> lineups(Collection<String> episodeIds, Audience audience) {
    return cache.lineups(
        audience, new LinkedHashSet<>(episodeIds), ids -> loadLineups(ids, audience));
  }

  /**
   * Each guest's appearances that the audience may see, newest episode first: one SQL statement for
   * all cache misses.
   */
  @Retry(maxRetries = 1, delay = 0, jitter = 0)
  @RetryWhen(exception = DatabaseFailures.class)
  public Map<String, List<AppearanceView>> appearancesOf(
      Collection<String> guestIds, Audience audience) {
    return cache.appearances(
        audience, new LinkedHashSet<>(guestIds), ids -> loadAppearances(ids, audience));
  }

  @Retry(maxRetries = 1, delay = 0, jitter = 0)
  @RetryWhen(exception = DatabaseFailures.class)
  public GuestConnection page(
      Integer first, String after, @Valid GuestFilter filter, Audience audience) {
    int size = first == null ? pageSizes.defaultSize() : first;
    if (size < 0 || size > pageSizes.maxSize()) {
      throw new InvalidInputException("first", "must be between 0 and " + pageSizes.maxSize());
    }
    GuestPosition position = after == null ? null : GuestCursor.parse(after);
    GuestQuery query =
        new GuestQuery(
            filter == null || filter.name() == null
                ? List.of()
                : GuestNames.searchWords(filter.name()),
            filter == null ? null : filter.role(),
            audience);
    return cache.page(
        audience,
        size,
        after,
        query.nameWords(),
        query.role(),
        () -> loadPage(query, position, size));
  }

  @Transactional
  GuestView load(UUID id) {
    Guest guest = guests.findById(id);
    if (guest == null) {
      guest = guests.redirectById(id).map(r -> guests.findById(r.guestId)).orElse(null);
    }
    return guest == null ? null : GuestView.of(guest);
  }

  @Transactional
  GuestView loadBySlug(String slug) {
    return guests
        .bySlug(slug)
        .or(() -> guests.redirectBySlug(slug).map(r -> guests.findById(r.guestId)))
        .map(GuestView::of)
        .orElse(null);
  }

  @Transactional
  Map<String, GuestView> loadAll(Set<String> ids) {
    Map<UUID, String> byUuid = new LinkedHashMap<>();
    for (String id : ids) {
      tryParse(id).ifPresent(uuid -> byUuid.put(uuid, id));
    }
    Map<UUID, Guest> live = guests.byIds(byUuid.keySet());
    Map<String, GuestView> found = new LinkedHashMap<>();
    live.forEach((uuid, guest) -> found.put(byUuid.get(uuid), GuestView.of(guest)));
    Set<UUID> missing = new HashSet<>(byUuid.keySet());
    missing.removeAll(live.keySet());
    if (!missing.isEmpty()) {
      // Only merged-away ids get here: a second statement, then a third for their survivors.
      Map<UUID, UUID> targets = guests.redirectTargets(missing);
      Map<UUID, Guest> survivors = guests.byIds(new HashSet<>(targets.values()));
      targets.forEach(
          (old, target) -> {
            Guest survivor = survivors.get(target);
            if (survivor != null) {
              found.put(byUuid.get(old), GuestView.of(survivor));
            }
          });
    }
    return found;
  }

  @Transactional
  Map<String, EpisodeLineup> loadLineups(Set<String> episodeIds, Audience audience) {
    Map<String, List<AppearanceView>> shown = new LinkedHashMap<>();
    Set<String> hidden = new HashSet<>();
    episodeIds.forEach(id -> shown.put(id, new ArrayList<>()));
    for (EpisodeRow row : appearances.onEpisodes(episodeIds, audience)) {
      if (row.hidden()) {
        hidden.add(row.episodeId());
      } else if (row.appearance() != null) {
        shown.get(row.episodeId()).add(AppearanceView.of(row.appearance()));
      }
    }
    Map<String, EpisodeLineup> lineups = new LinkedHashMap<>();
    shown.forEach(
        (id, list) -> lineups.put(id, new EpisodeLineup(hidden.contains(id), List.copyOf(list))));
    return lineups;
  }

  @Transactional
  Map<String, List<AppearanceView>> loadAppearances(Set<String> guestIds, Audience audience) {
    Map<String, List<AppearanceView>> byGuest = new LinkedHashMap<>();
    Map<UUID, String> byUuid = new LinkedHashMap<>();
    for (String id : guestIds) {
      byGuest.put(id, new ArrayList<>());
      tryParse(id).ifPresent(uuid -> byUuid.put(uuid, id));
    }
    for (Appearance a : appearances.ofGuests(byUuid.keySet(), audience)) {
      byGuest.get(byUuid.get(a.guest.id)).add(AppearanceView.of(a));
    }
    return byGuest;
  }

  @Transactional
  GuestConnection loadPage(GuestQuery query, GuestPosition after, int size) {
    List<Guest> rows = size == 0 ? List.of() : guests.page(query, after, size + 1);
    boolean hasNext = rows.size() > size;
    List<GuestEdge> edges =
        rows.stream()
            .limit(size)
            .map(GuestView::of)
            .map(view -> new GuestEdge(GuestCursor.of(view), view))
            .toList();
    String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
    return new GuestConnection(edges, new PageInfo(hasNext, endCursor), (int) guests.count(query));
  }

  static UUID parseId(String id, String field) {
    return tryParse(id).orElseThrow(() -> new InvalidInputException(field, "is not a guest id"));
  }

  static Optional<UUID> tryParse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
