package dev.podgraph.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's own settings ({@code GATEWAY_*} environment variables). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

  /** Path of a supergraph SDL file ({@code GATEWAY_SUPERGRAPH}). */
  Optional<String> supergraph();

  /** {@code name=url,name=url}: compose from the subgraphs ({@code GATEWAY_SUBGRAPHS}). */
  Optional<String> subgraphs();

  /** Request headers passed on to subgraphs, matched case-insensitively. */
  @WithDefault("authorization")
  List<String> forwardHeaders();

  /** How often the supergraph source is re-read; a changed text is swapped in atomically. */
  @WithDefault("2s")
  Duration reloadInterval();

  /** How long one subgraph request may take before it counts as failed. */
  @WithDefault("30s")
  Duration subgraphTimeout();

  /**
   * Timeouts for single subgraphs, by subgraph name, overriding {@link #subgraphTimeout()}: {@code
   * gateway.subgraph-timeouts.reviews=2s}.
   */
  Map<String, Duration> subgraphTimeouts();

  /** Connections kept open per subgraph host. */
  @WithDefault("64")
  int subgraphPoolSize();

  /** Plans (and parsed documents) kept per supergraph. */
  @WithDefault("2000")
  int planCacheSize();

  Limits limits();

  /** Refuse hostile operations before they cost anything. */
  interface Limits {
    @WithDefault("1048576")
    long maxBodyBytes();

    @WithDefault("15000")
    int maxTokens();

    @WithDefault("32")
    int maxDepth();

    @WithDefault("256")
    int maxAliases();

    @WithDefault("5000")
    int maxFields();
  }
}
