package dev.podgraph.guest.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.podgraph.common.cache.AfterCommitInvalidation;
import dev.podgraph.common.cache.CacheAside;
import dev.podgraph.common.cache.Digests;
import dev.podgraph.guest.AppearanceRole;
import dev.podgraph.guest.Audience;
import dev.podgraph.guest.model.AppearanceView;
import dev.podgraph.guest.model.EpisodeLineup;
import dev.podgraph.guest.model.GuestConnection;
import dev.podgraph.guest.model.GuestView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What guest-service keeps in Redis, on common's {@link CacheAside}. Every write invalidates every
 * region, after its transaction commits: a person's name shows up in lineups, pages and appearance
 * lists alike, so no narrower invalidation would be both simple and right. A change of episode
 * visibility from catalog-service's feed invalidates the regions that hold appearances.
 *
 * <p>Entries that depend on who reads ({@link Audience}) carry it in their key ({@code public:},
 * {@code editors:}), so an editor's read never answers a public caller.
 *
 * <p>Batches (federation entity resolution, batched fields) are read as one entry per id with
 * CacheAside's multi-key read: one MGET for the batch, one SQL statement for the ids Redis lacks,
 * written back per id, so overlapping batches (the same guest on many front pages) share entries. A
 * guest batch shares its entries with {@link #guest} (key {@code id:<id>}).
 */
@ApplicationScoped
public class GuestCache {
  static final String GUESTS = "guests";
  static final String PAGES = "pages";
  static final String LINEUPS = "lineups";
  static final String APPEARANCES = "appearances";
  private static final List<String> REGIONS = List.of(GUESTS, PAGES, LINEUPS, APPEARANCES);
  private static final List<String> APPEARANCE_REGIONS = List.of(PAGES, LINEUPS, APPEARANCES);

  private static final TypeReference<List<AppearanceView>> APPEARANCE_LIST =
      new TypeReference<>() {};

  private final CacheAside cache;
  private final AfterCommitInvalidation afterCommit;

  GuestCache(CacheAside cache, AfterCommitInvalidation afterCommit) {
    this.cache = cache;
    this.afterCommit = afterCommit;
  }

  public GuestView guest(String id, Supplier<GuestView> loader) {
    return cache.get(GUESTS, "id:" + id, GuestView.class, loader);
  }

  public GuestView guestBySlug(String slug, Supplier<GuestView> loader) {
    return cache.get(GUESTS, "slug:" + slug, GuestView.class, loader);
  }

  public Map<String, GuestView> guests(
      Set<String> ids, Function<Set<String>, Map<String, GuestView>> loader) {
    return perId(
        "id:", ids, loader, (keys, load) -> cache.getAll(GUESTS, keys, GuestView.class, load));
  }

  public Map<String, EpisodeLineup> lineups(
      Audience audience,
      Set<String> episodeIds,
      Function<Set<String>, Map<String, EpisodeLineup>> loader) {
    return perId(
        key(audience, ""),
        episodeIds,
        loader,
        (keys, load) -> cache.getAll(LINEUPS, keys, EpisodeLineup.class, load));
  }

  public Map<String, List<AppearanceView>> appearances(
      Audience audience,
      Set<String> guestIds,
      Function<Set<String>, Map<String, List<AppearanceView>>> loader) {
    return perId(
        key(audience, ""),
        guestIds,
        loader,
        (keys, load) -> cache.getAll(APPEARANCES, keys, APPEARANCE_LIST, load));
  }

  /** A multi-key read of one region through region-relative keys {@code prefix + id}. */
  private static <T> Map<String, T> perId(
      String prefix,
      Set<String> ids,
      Function<Set<String>, Map<String, T>> loader,
      BiFunction<Set<String>, Function<Set<String>, Map<String, T>>, Map<String, T>> read) {
    Set<String> keys = new LinkedHashSet<>();
    ids.forEach(id -> keys.add(prefix + id));
    Map<String, T> byKey =
        read.apply(
            keys,
            missing -> {
              Set<String> missingIds = new LinkedHashSet<>();
              missing.forEach(k -> missingIds.add(k.substring(prefix.length())));
              Map<String, T> loaded = new LinkedHashMap<>();
              loader.apply(missingIds).forEach((id, v) -> loaded.put(prefix + id, v));
              return loaded;
            });
    Map<String, T> byId = new LinkedHashMap<>();
    byKey.forEach((k, v) -> byId.put(k.substring(prefix.length()), v));
    return byId;
  }

  public GuestConnection page(
      Audience audience,
      int first,
      String after,
      List<String> nameWords,
      AppearanceRole role,
      Supplier<GuestConnection> loader) {
    String key =
        Digests.sha256(
            first + "\u0000" + after + "\u0000" + String.join(" ", nameWords) + "\u0000" + role);
    return cache.get(PAGES, key(audience, key), GuestConnection.class, loader);
  }

  /**
   * Invalidates every region once the current transaction has committed (and before the mutation
   * returns: the commit happens inside the writer's {@code @Transactional}). Nothing happens on
   * rollback.
   */
  public void invalidateAfterCommit() {
    invalidateAfterCommit(REGIONS);
  }

  /**
   * Invalidates what depends on appearances and on who may see them (lineups, appearance lists,
   * pages filtered by role) once the current transaction has committed: for episode visibility
   * changes, which leave people themselves as they were.
   */
  public void invalidateAppearancesAfterCommit() {
    invalidateAfterCommit(APPEARANCE_REGIONS);
  }

  private void invalidateAfterCommit(List<String> regions) {
    afterCommit.schedule(regions);
  }

  public void invalidateAll() {
    REGIONS.forEach(cache::invalidate);
  }

  private static String key(Audience audience, String key) {
    return audience.name().toLowerCase(Locale.ROOT) + ":" + key;
  }
}
