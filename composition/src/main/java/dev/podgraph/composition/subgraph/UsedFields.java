package dev.podgraph.composition.subgraph;

import java.util.HashSet;
import java.util.Set;

/**
 * The fields a subgraph's own {@code @key}, {@code @requires} and {@code @provides} select, plus
 * the fields that implement an interface field: Apollo's notion of a "used" field, which decides
 * whether an {@code @external} is unused and whether an overridden field is still needed.
 */
public final class UsedFields {
  private UsedFields() {}

  /** Coordinates ({@code Type.field}) of the used fields; unresolvable selections are skipped. */
  public static Set<String> of(Subgraph subgraph) {
    Set<String> used = new HashSet<>();
    for (SubgraphType type : subgraph.types().values()) {
      for (Key key : type.keys()) {
        add(subgraph, type.name(), key.fields(), used);
      }
      for (SubgraphField field : type.fields().values()) {
        if (field.requires() != null) {
          add(subgraph, type.name(), field.requires(), used);
        }
        if (field.provides() != null) {
          add(subgraph, field.type().baseName(), field.provides(), used);
        }
      }
      for (String itf : type.interfaces()) {
        SubgraphType itfType = subgraph.type(itf);
        if (itfType != null) {
          itfType.fields().keySet().forEach(f -> used.add(type.name() + "." + f));
        }
      }
    }
    return used;
  }

  /** Coordinates of the fields some {@code @provides} of the subgraph selects. */
  public static Set<String> provided(Subgraph subgraph) {
    Set<String> provided = new HashSet<>();
    for (SubgraphType type : subgraph.types().values()) {
      for (SubgraphField field : type.fields().values()) {
        if (field.provides() != null) {
          add(subgraph, field.type().baseName(), field.provides(), provided);
        }
      }
    }
    return provided;
  }

  /**
   * Coordinates of the fields the subgraph may resolve alongside other subgraphs: {@code
   * @shareable} ones (on the field, or on the type block that declares it), key fields, and
   * external fields that a {@code @provides} selects.
   */
  public static Set<String> shareable(Subgraph subgraph) {
    Set<String> shareable = new HashSet<>();
    Set<String> provided = provided(subgraph);
    for (SubgraphType type : subgraph.types().values()) {
      for (Key key : type.keys()) {
        add(subgraph, type.name(), key.fields(), shareable);
      }
      for (SubgraphField field : type.fields().values()) {
        String coordinate = type.name() + "." + field.name();
        boolean onType = field.onExtension() ? type.shareableOnExtension() : type.shareableOnBase();
        if (field.shareable() || onType || (field.external() && provided.contains(coordinate))) {
          shareable.add(coordinate);
        }
      }
    }
    return shareable;
  }

  private static void add(Subgraph subgraph, String parent, String fieldSet, Set<String> used) {
    try {
      FieldSet.targets(subgraph, parent, fieldSet).forEach(t -> used.add(t.coordinate()));
    } catch (FieldSet.InvalidFieldSetException e) {
      // reported by the subgraph validator
    }
  }
}
