package dev.podgraph.composition.subgraph;

import java.util.List;
import java.util.Map;

/**
 * A named type as one subgraph defines it (its definition and all its extensions merged).
 *
 * @param extension only {@code extend type} blocks or {@code @extends} define it in this subgraph
 * @param interfaceObject an object type marked {@code @interfaceObject}: an interface elsewhere
 * @param shareableOnBase {@code @shareable} on the type definition itself
 * @param shareableOnExtension {@code @shareable} on an {@code extend type} block
 * @param fields output fields (objects, interfaces), in declaration order
 * @param inputFields input fields (input objects), in declaration order
 */
public record SubgraphType(
    String name,
    TypeKind kind,
    String description,
    boolean extension,
    boolean interfaceObject,
    boolean shareableOnBase,
    boolean shareableOnExtension,
    List<Key> keys,
    Map<String, SubgraphField> fields,
    Map<String, SubgraphArgument> inputFields,
    List<String> interfaces,
    List<String> unionMembers,
    List<SubgraphEnumValue> enumValues,
    Metadata metadata) {

  /** The kind this type has in the supergraph: an {@code @interfaceObject} is an interface. */
  public TypeKind supergraphKind() {
    return interfaceObject ? TypeKind.INTERFACE : kind;
  }

  public boolean isEntity() {
    return !keys.isEmpty();
  }

  public boolean hasField(String fieldName) {
    return fields.containsKey(fieldName);
  }
}
