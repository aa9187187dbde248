package dev.podgraph.guest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code guest.catalog-feed.*}: how guest-service reads catalog-service's episode change feed. */
@ConfigMapping(prefix = "guest.catalog-feed")
public interface CatalogFeedConfig {
  /** Off: the feed is not read; the replica keeps what it has. */
  @WithDefault("true")
  boolean enabled();

  /** The feed's URL ({@code GUEST_CATALOG_FEED_URL}); {@code after} and {@code limit} are added. */
  @WithDefault("http://127.0.0.1:8081/internal/episode-changes")
  String url();

  /** Time between two reads while the feed answers (each read goes on until caught up). */
  @WithDefault("1s")
  Duration interval();

  /** Longest wait between two attempts while the feed fails (the wait doubles up to it). */
  @WithDefault("30s")
  Duration maxBackoff();

  /** Longest wait for catalog-service to connect or answer one request. */
  @WithDefault("5s")
  Duration timeout();
}
