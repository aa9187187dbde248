package dev.podgraph.gateway.execute;

import dev.podgraph.gateway.supergraph.Subgraph;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Sends one GraphQL request to one subgraph. The only I/O of the request pipeline. */
public interface SubgraphClient {

  /**
   * Completes with the subgraph's parsed answer, or exceptionally when it could not be reached or
   * did not answer with GraphQL JSON in time.
   */
  CompletionStage<SubgraphResponse> send(
      Subgraph subgraph, String query, Map<String, Object> variables, Map<String, String> headers);
}
