package dev.podgraph.catalog;

import dev.podgraph.devinfra.PodgraphInfraResource;

/**
 * The one test resource of the shared Quarkus boot: database {@code catalog_test} (recreated) and
 * Redis logical database 1 (flushed). Every test class names it, and only it, so they share a boot.
 */
public class CatalogInfra extends PodgraphInfraResource {
  public CatalogInfra() {
    super("catalog_test", 1);
  }
}
