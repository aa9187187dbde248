package dev.podgraph.gateway.schema;

import dev.podgraph.gateway.supergraph.Supergraph;
import dev.podgraph.gateway.supergraph.SupergraphParser;
import graphql.schema.GraphQLSchema;

/**
 * What one supergraph gives the gateway: its federation metadata for planning and its API schema
 * for validating client operations. Swapped as a whole on reload.
 */
public record GatewaySchema(Supergraph supergraph, GraphQLSchema api) {

  /** Reads a supergraph text; throws {@code InvalidSupergraphException} naming the problem. */
  public static GatewaySchema of(String supergraphSdl) {
    Supergraph supergraph = new SupergraphParser().parse(supergraphSdl);
    return new GatewaySchema(supergraph, new ApiSchemaBuilder().build(supergraphSdl));
  }
}
