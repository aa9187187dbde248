package dev.podgraph.catalog.cache;

import dev.podgraph.catalog.EpisodeAudience;
import dev.podgraph.catalog.model.EpisodeConnection;
import dev.podgraph.catalog.model.EpisodeView;
import dev.podgraph.catalog.model.ShowView;
import dev.podgraph.common.cache.AfterCommitInvalidation;
import dev.podgraph.common.cache.CacheAside;
import dev.podgraph.common.cache.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The catalog's cache regions and keys. Every episode entry (by id, number, slug) and every page
 * (lists and searches) sits in region {@code episodes}, so any episode write invalidates them all
 * with one INCR: a write can change what any page contains. Every episode key starts with the
 * {@link EpisodeAudience} it was read for ({@code public:}, {@code editors:}): an entry an editor
 * filled never answers a public caller, and the one INCR still clears both.
 */
@ApplicationScoped
public class EpisodeCache {
  static final String EPISODES = "episodes";
  static final String SHOW = "show";

  private final CacheAside cache;
  private final AfterCommitInvalidation afterCommit;

  public EpisodeCache(CacheAside cache, AfterCommitInvalidation afterCommit) {
    this.cache = cache;
    this.afterCommit = afterCommit;
  }

  public EpisodeView byId(EpisodeAudience audience, String id, Supplier<EpisodeView> loader) {
    return cache.get(EPISODES, key(audience, "id:" + id), EpisodeView.class, loader);
  }

  /**
   * Federation {@code _entities}: the episodes with these ids (canonical UUID strings) that the
   * audience sees, from the same per-id entries as {@link #byId}: one MGET for the batch, {@code
   * loader} once for the ids Redis lacks. Ids missing from the result are unknown or hidden.
   */
  public Map<String, EpisodeView> byIds(
      EpisodeAudience audience,
      Collection<String> ids,
      Function<Set<String>, Map<String, EpisodeView>> loader) {
    Map<String, String> idOfKey = new HashMap<>();
    ids.forEach(id -> idOfKey.put(key(audience, "id:" + id), id));
    Map<String, EpisodeView> byKey =
        cache.getAll(
            EPISODES,
            idOfKey.keySet(),
            EpisodeView.class,
            keys -> {
              Map<String, String> keyOfId = new HashMap<>();
              keys.forEach(k -> keyOfId.put(idOfKey.get(k), k));
              Map<String, EpisodeView> loaded = new HashMap<>();
              loader.apply(keyOfId.keySet()).forEach((id, v) -> loaded.put(keyOfId.get(id), v));
              return loaded;
            });
    Map<String, EpisodeView> byId = new HashMap<>();
    byKey.forEach((k, v) -> byId.put(idOfKey.get(k), v));
    return byId;
  }

  public EpisodeView byNumber(EpisodeAudience audience, int number, Supplier<EpisodeView> loader) {
    return cache.get(EPISODES, key(audience, "number:" + number), EpisodeView.class, loader);
  }

  public EpisodeView bySlug(EpisodeAudience audience, String slug, Supplier<EpisodeView> loader) {
    return cache.get(EPISODES, key(audience, "slug:" + slug), EpisodeView.class, loader);
  }

  /** A page of {@code episodes}; {@code pageKey} names its filter, order, size and cursor. */
  public EpisodeConnection page(
      EpisodeAudience audience, String pageKey, Supplier<EpisodeConnection> loader) {
    return cache.get(EPISODES, key(audience, "page:" + pageKey), EpisodeConnection.class, loader);
  }

  public EpisodeConnection search(
      EpisodeAudience audience, String text, String pageKey, Supplier<EpisodeConnection> loader) {
    return cache.get(
        EPISODES,
        key(audience, "search:" + Digests.sha256(text) + ":" + pageKey),
        EpisodeConnection.class,
        loader);
  }

  public ShowView show(Supplier<ShowView> loader) {
    return cache.get(SHOW, "show", ShowView.class, loader);
  }

  /** Inside an episode write's transaction: the episode entries go once it has committed. */
  public void episodesChangedAfterCommit() {
    afterCommit.schedule(List.of(EPISODES));
  }

  /** Inside the show write's transaction: the show entry goes once it has committed. */
  public void showChangedAfterCommit() {
    afterCommit.schedule(List.of(SHOW));
  }

  /** The region-relative key of an episode entry, e.g. {@code public:number:201}. */
  static String key(EpisodeAudience audience, String key) {
    return audience.name().toLowerCase(Locale.ROOT) + ":" + key;
  }
}
