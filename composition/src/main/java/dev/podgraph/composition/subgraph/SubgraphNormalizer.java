package dev.podgraph.composition.subgraph;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every subgraph the meaning Apollo composition gives it before merging: "fake" externals
 * (key fields marked {@code @external} on a type extension) are not external, and a fed1 subgraph
 * is upgraded to fed2 semantics the way Apollo's schema upgrader does it.
 */
public final class SubgraphNormalizer {
  private SubgraphNormalizer() {}

  public static void normalize(List<Subgraph> subgraphs) {
    for (Subgraph subgraph : subgraphs) {
      if (!subgraph.fed2()) {
        removeExternalOnInterfaces(subgraph);
        removeExternalOnKeylessExtensions(subgraph, subgraphs);
      }
      unmarkFakeExternals(subgraph);
    }
    for (Subgraph subgraph : subgraphs) {
      if (!subgraph.fed2()) {
        removeUnusedExternals(subgraph);
      }
    }
    for (Subgraph subgraph : subgraphs) {
      if (!subgraph.fed2()) {
        makeFieldsShareable(subgraph);
        forgetExtensions(subgraph);
      }
    }
  }

  /** A key field that a type extension repeats with {@code @external} is owned, not external. */
  private static void unmarkFakeExternals(Subgraph subgraph) {
    for (SubgraphType type : subgraph.types().values()) {
      for (Key key : type.keys()) {
        if (key.onExtension()) {
          unmarkExternal(subgraph, type, key.fields());
        }
      }
    }
  }

  private static void unmarkExternal(Subgraph subgraph, SubgraphType type, String fieldSet) {
    try {
      for (FieldSet.Target t : FieldSet.targets(subgraph, type.name(), fieldSet)) {
        SubgraphField f = t.definition();
        if (f != null && f.external() && t.parentType().equals(type.name())) {
          type.fields().put(f.name(), f.withExternal(false));
        }
      }
    } catch (FieldSet.InvalidFieldSetException e) {
      // reported by the subgraph validator
    }
  }

  private static void removeExternalOnInterfaces(Subgraph subgraph) {
    for (SubgraphType type : subgraph.types().values()) {
      if (type.kind() == TypeKind.INTERFACE) {
        type.fields().replaceAll((n, f) -> f.withExternal(false));
      }
    }
  }

  /**
   * A fed1 type extension without its own key repeats the owner's key fields as {@code @external};
   * Apollo takes the first key of the type in another subgraph as the one meant.
   */
  private static void removeExternalOnKeylessExtensions(Subgraph subgraph, List<Subgraph> all) {
    for (SubgraphType type : subgraph.types().values()) {
      if (!type.extension() || !type.keys().isEmpty()) {
        continue;
      }
      for (Subgraph other : all) {
        SubgraphType inOther = other == subgraph ? null : other.type(type.name());
        if (inOther != null && !inOther.keys().isEmpty()) {
          try {
            for (FieldSet.Target t :
                FieldSet.targets(other, type.name(), inOther.keys().getFirst().fields())) {
              SubgraphField own = type.fields().get(t.selection().getName());
              if (own != null && t.parentType().equals(type.name()) && own.external()) {
                type.fields().put(own.name(), own.withExternal(false));
              }
            }
          } catch (FieldSet.InvalidFieldSetException e) {
            // reported by the subgraph validator
          }
        }
      }
    }
  }

  private static void removeUnusedExternals(Subgraph subgraph) {
    Set<String> used = UsedFields.of(subgraph);
    for (SubgraphType type : subgraph.types().values()) {
      type.fields()
          .values()
          .removeIf(f -> f.external() && !used.contains(type.name() + "." + f.name()));
    }
  }

  /**
   * Fed1 had no {@code @shareable}: any field could be resolved by several subgraphs. Apollo's
   * upgrader marks such fields shareable; marking them all is equivalent, since sharing is only
   * checked where a field is resolved by more than one subgraph.
   */
  private static void makeFieldsShareable(Subgraph subgraph) {
    for (SubgraphType type : subgraph.types().values()) {
      if (type.kind() == TypeKind.OBJECT && !type.name().equals("Subscription")) {
        type.fields().replaceAll((n, f) -> f.withShareable(true));
      }
    }
  }

  /**
   * Fed1 {@code extend type} is how an entity was declared: Apollo drops the extension flag, but
   * keeps it for a type marked {@code @extends}.
   */
  private static void forgetExtensions(Subgraph subgraph) {
    for (Map.Entry<String, SubgraphType> e : subgraph.types().entrySet()) {
      SubgraphType t = e.getValue();
      List<Key> keys =
          t.keys().stream()
              .map(
                  k ->
                      new Key(
                          k.fields(),
                          k.resolvable(),
                          k.byExtendsDirective(),
                          k.byExtendsDirective()))
              .toList();
      e.setValue(
          new SubgraphType(
              t.name(),
              t.kind(),
              t.description(),
              false,
              t.interfaceObject(),
              t.shareableOnBase(),
              t.shareableOnExtension(),
              keys,
              t.fields(),
              t.inputFields(),
              t.interfaces(),
              t.unionMembers(),
              t.enumValues(),
              t.metadata()));
    }
  }
}
