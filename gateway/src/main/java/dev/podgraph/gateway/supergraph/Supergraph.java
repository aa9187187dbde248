package dev.podgraph.gateway.supergraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The federation metadata of a supergraph: which subgraph resolves what. Immutable; a reload builds
 * a new one.
 *
 * @param subgraphs by subgraph name
 * @param types every named type, join machinery excluded
 * @param sdl the text it was read from
 */
public record Supergraph(
    Map<String, Subgraph> subgraphs,
    Map<String, TypeModel> types,
    String queryType,
    Optional<String> mutationType,
    boolean declaresImplements,
    String sdl) {

  public Supergraph {
    subgraphs = Ordered.copy(subgraphs);
    types = Ordered.copy(types);
  }

  public TypeModel type(String name) {
    TypeModel type = types.get(name);
    if (type == null) {
      throw new IllegalArgumentException("unknown type " + name);
    }
    return type;
  }

  public Optional<TypeModel> findType(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /** Object types a value of the given type can be at run time, in the supergraph. */
  public List<String> possibleTypes(String typeName) {
    TypeModel type = type(typeName);
    return switch (type.kind()) {
      case OBJECT -> List.of(typeName);
      case UNION -> type.members();
      case INTERFACE ->
          types.values().stream()
              .filter(t -> t.kind() == TypeKind.OBJECT && t.interfaces().contains(typeName))
              .map(TypeModel::name)
              .sorted(Comparator.naturalOrder())
              .toList();
      default -> List.of();
    };
  }

  /**
   * Object types that the given subgraph may return where it returns the given abstract type: only
   * these can come back from a fetch to that subgraph.
   */
  public List<String> possibleTypesIn(String typeName, String subgraph) {
    TypeModel type = type(typeName);
    List<String> result = new ArrayList<>();
    for (String candidate : possibleTypes(typeName)) {
      TypeModel object = type(candidate);
      if (!object.isIn(subgraph)) {
        continue;
      }
      boolean declared =
          switch (type.kind()) {
            case UNION ->
                type.membersBySubgraph().isEmpty()
                    || type.membersBySubgraph()
                        .getOrDefault(subgraph, Set.of())
                        .contains(candidate);
            case INTERFACE ->
                !declaresImplements
                    || object
                        .implementsBySubgraph()
                        .getOrDefault(subgraph, Set.of())
                        .contains(typeName);
            default -> true;
          };
      if (declared) {
        result.add(candidate);
      }
    }
    return result;
  }

  public boolean isEntity(String typeName) {
    return findType(typeName)
        .map(t -> t.subgraphs().values().stream().anyMatch(s -> !s.keys().isEmpty()))
        .orElse(false);
  }
}
