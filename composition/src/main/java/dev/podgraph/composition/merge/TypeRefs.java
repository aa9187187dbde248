package dev.podgraph.composition.merge;

import dev.podgraph.composition.subgraph.TypeRef;
import java.util.Map;
import java.util.Set;

/**
 * The subtyping Apollo allows between the types one field has in different subgraphs: {@code T!}
 * within {@code T}, an object within an interface it implements or a union it belongs to, and both
 * propagated through lists and non-null. ({@code T} within {@code [T]} is not allowed.)
 */
final class TypeRefs {
  private final Map<String, Set<String>> subtypesByAbstract;

  TypeRefs(Map<String, Set<String>> subtypesByAbstract) {
    this.subtypesByAbstract = subtypesByAbstract;
  }

  /** True when {@code sub} may stand where {@code sup} is expected (equal types included). */
  boolean isSubtype(TypeRef sup, TypeRef sub) {
    if (sup.equals(sub)) {
      return true;
    }
    if (sub instanceof TypeRef.NonNull subNonNull) {
      return sup instanceof TypeRef.NonNull supNonNull
          ? isSubtype(supNonNull.inner(), subNonNull.inner())
          : isSubtype(sup, subNonNull.inner());
    }
    if (sup instanceof TypeRef.NonNull) {
      return false;
    }
    if (sup instanceof TypeRef.ListOf supList && sub instanceof TypeRef.ListOf subList) {
      return isSubtype(supList.item(), subList.item());
    }
    if (sup instanceof TypeRef.Named supNamed && sub instanceof TypeRef.Named subNamed) {
      return subtypesByAbstract.getOrDefault(supNamed.name(), Set.of()).contains(subNamed.name());
    }
    return false;
  }

  /**
   * The merged type: the most general one for an output (every subgraph's value fits in it), the
   * most specific one for an input (every subgraph can accept it); null when two are unrelated.
   */
  TypeRef merge(Iterable<TypeRef> types, boolean inputPosition) {
    TypeRef merged = null;
    for (TypeRef type : types) {
      if (merged == null || merged.equals(type)) {
        merged = type;
      } else if (isSubtype(merged, type)) {
        merged = inputPosition ? type : merged;
      } else if (isSubtype(type, merged)) {
        merged = inputPosition ? merged : type;
      } else {
        return null;
      }
    }
    return merged;
  }
}
