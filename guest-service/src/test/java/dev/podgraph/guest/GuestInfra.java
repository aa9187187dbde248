package dev.podgraph.guest;

import dev.podgraph.devinfra.PodgraphInfraResource;
import dev.podgraph.guest.feed.CatalogFeedStub;
import java.util.HashMap;
import java.util.Map;

/**
 * The one test resource of the shared Quarkus boot, the same pattern as catalog-service's
 * CatalogInfra: database {@code guest_test} (recreated) and Redis logical database 2 (flushed),
 * plus catalog-service's change feed served by the test ({@link CatalogFeedStub}) with the consumer
 * reading it. Every test class names it, and only it, so they share a boot.
 */
public class GuestInfra extends PodgraphInfraResource {
  private final CatalogFeedStub feed = new CatalogFeedStub();

  public GuestInfra() {
    super("guest_test", 2);
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    config.putAll(feed.start());
    return config;
  }

  @Override
  public void stop() {
    feed.stop();
    super.stop();
  }
}
