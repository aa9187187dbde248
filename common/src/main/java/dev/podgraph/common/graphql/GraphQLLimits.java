package dev.podgraph.common.graphql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code podgraph.graphql.*}: how large a request a subgraph takes and how big an operation it
 * runs. Above the gateway's own client limits (1 MiB, depth 32, 5000 fields), since a gateway fetch
 * is a part of a client operation plus the {@code _entities} field and key fields: every fetch the
 * gateway makes passes.
 */
@ConfigMapping(prefix = "podgraph.graphql")
public interface GraphQLLimits {
  /**
   * Largest request body in bytes ({@code PODGRAPH_GRAPHQL_MAX_BODY_BYTES}); larger is 413 with a
   * coded GraphQL error, refused from the Content-Length header when one is sent.
   */
  @WithDefault("2097152")
  long maxBodyBytes();

  /** Deepest chain of fields ({@code PODGRAPH_GRAPHQL_MAX_DEPTH}). */
  @WithDefault("40")
  int maxDepth();

  /**
   * Most fields as executed, fragments counted at every spread ({@code
   * PODGRAPH_GRAPHQL_MAX_FIELDS}): the operation's complexity, one per field.
   */
  @WithDefault("10000")
  int maxFields();
}
