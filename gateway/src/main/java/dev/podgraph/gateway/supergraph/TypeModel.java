package dev.podgraph.gateway.supergraph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A named supergraph type with its federation metadata.
 *
 * @param subgraphs the subgraphs that declare the type ({@code @join__type}), by subgraph name
 * @param implementsBySubgraph interfaces the type implements, as each subgraph declares it
 * @param membersBySubgraph for unions: the members each subgraph declares
 * @param interfaces the interfaces the type implements in the supergraph
 * @param members for unions: the supergraph's members
 * @param contexts the contexts the type sets ({@code @context(name:)}, subgraph-prefixed names)
 */
public record TypeModel(
    String name,
    TypeKind kind,
    Map<String, TypeInSubgraph> subgraphs,
    Map<String, FieldModel> fields,
    Map<String, Set<String>> implementsBySubgraph,
    Map<String, Set<String>> membersBySubgraph,
    List<String> interfaces,
    List<String> members,
    Set<String> contexts) {

  public TypeModel {
    contexts = Set.copyOf(contexts);
    subgraphs = Ordered.copy(subgraphs);
    fields = Ordered.copy(fields);
    implementsBySubgraph = Ordered.copy(implementsBySubgraph);
    membersBySubgraph = Ordered.copy(membersBySubgraph);
    interfaces = List.copyOf(interfaces);
    members = List.copyOf(members);
  }

  public Optional<FieldModel> field(String fieldName) {
    return Optional.ofNullable(fields.get(fieldName));
  }

  public boolean isIn(String subgraph) {
    return subgraphs.containsKey(subgraph);
  }

  public List<Key> keys(String subgraph) {
    TypeInSubgraph in = subgraphs.get(subgraph);
    return in == null ? List.of() : in.keys();
  }

  public boolean isInterfaceObjectIn(String subgraph) {
    TypeInSubgraph in = subgraphs.get(subgraph);
    return in != null && in.interfaceObject();
  }
}
