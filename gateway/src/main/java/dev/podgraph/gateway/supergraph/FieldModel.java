package dev.podgraph.gateway.supergraph;

import java.util.Map;

/**
 * A field of a supergraph type and, per subgraph that declares it, how.
 *
 * @param typeName the named type the field returns (lists and non-null unwrapped)
 * @param listDepth how many lists wrap it
 * @param typeText the full type as written, e.g. {@code [Item!]!}
 * @param perSubgraph empty when the supergraph has no {@code @join__field}: every subgraph of the
 *     parent type resolves it
 * @param onlyThroughInterfaceObject no subgraph declares the field on this type: it is resolved
 *     through an {@code @interfaceObject} of one of the type's interfaces
 */
public record FieldModel(
    String name,
    String typeName,
    int listDepth,
    String typeText,
    Map<String, FieldInSubgraph> perSubgraph,
    boolean onlyThroughInterfaceObject) {

  public FieldModel {
    perSubgraph = Ordered.copy(perSubgraph);
  }

  /** The field's type as the given subgraph declares it. */
  public String typeIn(String subgraph) {
    FieldInSubgraph in = perSubgraph.get(subgraph);
    return in == null ? typeText : in.type().orElse(typeText);
  }
}
