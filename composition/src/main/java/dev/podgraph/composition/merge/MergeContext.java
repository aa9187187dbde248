package dev.podgraph.composition.merge;

import dev.podgraph.composition.CompositionError;
import dev.podgraph.composition.subgraph.Subgraph;
import dev.podgraph.composition.subgraph.SubgraphType;
import dev.podgraph.composition.subgraph.TypeKind;
import dev.podgraph.composition.subgraph.UsedFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every type merger needs: the subgraphs, their join__Graph names, precomputed field sets. */
final class MergeContext {
  final List<Subgraph> subgraphs;
  final List<String> graphEnumNames;
  final List<CompositionError> errors;
  final TypeRefs typeRefs;
  final List<Set<String>> usedFields = new ArrayList<>();
  final List<Set<String>> shareableFields = new ArrayList<>();
  final List<Set<String>> providedFields = new ArrayList<>();
  private final Map<String, TypeKind> kinds;

  MergeContext(
      List<Subgraph> subgraphs,
      List<String> graphEnumNames,
      TypeRefs typeRefs,
      Map<String, TypeKind> kinds,
      List<CompositionError> errors) {
    this.kinds = kinds;
    this.subgraphs = subgraphs;
    this.graphEnumNames = graphEnumNames;
    this.typeRefs = typeRefs;
    this.errors = errors;
    for (Subgraph s : subgraphs) {
      usedFields.add(UsedFields.of(s));
      shareableFields.add(UsedFields.shareable(s));
      providedFields.add(UsedFields.provided(s));
    }
  }

  String graph(int index) {
    return graphEnumNames.get(index);
  }

  String name(int index) {
    return subgraphs.get(index).name();
  }

  int indexOf(String subgraphName) {
    for (int i = 0; i < subgraphs.size(); i++) {
      if (subgraphs.get(i).name().equals(subgraphName)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The type in each subgraph, by subgraph index: null where the subgraph lacks it, or defines it
   * with another kind than the supergraph's (already reported as TYPE_KIND_MISMATCH).
   */
  List<SubgraphType> sources(String typeName) {
    List<SubgraphType> out = new ArrayList<>();
    for (Subgraph s : subgraphs) {
      SubgraphType t = s.type(typeName);
      out.add(t != null && t.supergraphKind() == kinds.get(typeName) ? t : null);
    }
    return out;
  }

  void error(String code, String message) {
    errors.add(new CompositionError(code, message));
  }
}
