package dev.podgraph.guest.feed;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Serves a {@link CatalogFeed} to the shared Quarkus boot and points guest-service's consumer at
 * it, so the consumer runs in every test of that boot (polling an empty feed costs no SQL).
 */
public class CatalogFeedStub implements QuarkusTestResourceLifecycleManager {
  static CatalogFeed feed;

  @Override
  public Map<String, String> start() {
    feed = CatalogFeed.start();
    return Map.of("guest.catalog-feed.enabled", "true", "guest.catalog-feed.url", feed.url());
  }

  @Override
  public void stop() {
    if (feed != null) {
      feed.stop();
    }
  }
}
