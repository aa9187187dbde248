package dev.podgraph.catalog.cache;

import dev.podgraph.catalog.graphql.EpisodeConnection;
import dev.podgraph.catalog.graphql.EpisodeView;
import dev.podgraph.catalog.graphql.ShowView;
import dev.podgraph.common.cache.CacheAside;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The catalog's cache regions and keys. Every episode entry (by id, number, slug) and every page
 * (lists and searches) sits in region {@code episodes}, so any episode write invalidates them all
 * with one INCR: a write can change what any page contains.
 */
@ApplicationScoped
public class EpisodeCache {
  static final String EPISODES = "episodes";
  static final String SHOW = "show";

  private final CacheAside cache;

  public EpisodeCache(CacheAside cache) {
    this.cache = cache;
  }

  public EpisodeView byId(String id, Supplier<EpisodeView> loader) {
    return cache.get(EPISODES, "id:" + id, EpisodeView.class, loader);
  }

  public EpisodeView byNumber(int number, Supplier<EpisodeView> loader) {
    return cache.get(EPISODES, "number:" + number, EpisodeView.class, loader);
  }

  public EpisodeView bySlug(String slug, Supplier<EpisodeView> loader) {
    return cache.get(EPISODES, "slug:" + slug, EpisodeView.class, loader);
  }

  /** A page of {@code episodes}; {@code pageKey} names its filter, order, size and cursor. */
  public EpisodeConnection page(String pageKey, Supplier<EpisodeConnection> loader) {
    return cache.get(EPISODES, "page:" + pageKey, EpisodeConnection.class, loader);
  }

  public EpisodeConnection search(String text, String pageKey, Supplier<EpisodeConnection> loader) {
    return cache.get(
        EPISODES, "search:" + sha256(text) + ":" + pageKey, EpisodeConnection.class, loader);
  }

  public ShowView show(Supplier<ShowView> loader) {
    return cache.get(SHOW, "show", ShowView.class, loader);
  }

  /** After an episode write committed. */
  public void episodesChanged() {
    cache.invalidate(EPISODES);
  }

  /** After the show was written. */
  public void showChanged() {
    cache.invalidate(SHOW);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
