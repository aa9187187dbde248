package dev.podgraph.catalog;

import dev.podgraph.devinfra.PodgraphInfraResource;
import java.util.HashMap;
import java.util.Map;

/**
 * The one test resource of the shared Quarkus boot: database {@code catalog_test} (recreated) and
 * Redis logical database 1 (flushed). Every test class names it, and only it, so they share a boot.
 */
public class CatalogInfra extends PodgraphInfraResource {
  @Override
  public void init(Map<String, String> initArgs) {
    Map<String, String> args = new HashMap<>(initArgs);
    args.putIfAbsent("database", "catalog_test");
    args.putIfAbsent("redisDatabase", "1");
    super.init(args);
  }
}
