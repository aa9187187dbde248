package dev.podgraph.composition.subgraph;

import java.util.Map;

/**
 * One subgraph read from its SDL, with its root types renamed to Query/Mutation/Subscription and
 * the federation machinery (_service, _entities, _Any, link and federation definitions) left out.
 *
 * @param fed2 links to federation v2 ({@code @link(url: ".../federation/v2.x")}); otherwise fed1
 * @param federationMinor x of federation v2.x, or -1 for a fed1 subgraph
 * @param types the types, in order of first appearance in the SDL
 */
public record Subgraph(
    String name, String url, boolean fed2, int federationMinor, Map<String, SubgraphType> types) {

  public SubgraphType type(String typeName) {
    return types.get(typeName);
  }
}
