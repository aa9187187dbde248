package dev.podgraph.common.input;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code podgraph.entities.*}: what one request to a subgraph may ask for. */
@ConfigMapping(prefix = "podgraph.entities")
public interface InputLimits {
  /**
   * Most representations one federation {@code _entities} call may hand to one entity resolver;
   * more is refused with BAD_USER_INPUT before any cache or database work.
   */
  @WithDefault("1000")
  int maxRepresentations();
}
