package dev.podgraph.guest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code guest.page.*}: connection page sizes ({@code first}), the same settings as
 * catalog-service's {@code catalog.page.*}.
 */
@ConfigMapping(prefix = "guest.page")
public interface GuestPageConfig {
  @WithDefault("20")
  int defaultSize();

  @WithDefault("100")
  int maxSize();
}
