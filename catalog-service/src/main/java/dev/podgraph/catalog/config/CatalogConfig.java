package dev.podgraph.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code catalog.*}: the service's own settings. */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {
  Page page();

  /** Connection page sizes ({@code first}). */
  interface Page {
    @WithDefault("20")
    int defaultSize();

    @WithDefault("100")
    int maxSize();
  }
}
