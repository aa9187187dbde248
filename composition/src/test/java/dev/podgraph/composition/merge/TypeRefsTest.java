package dev.podgraph.composition.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podgraph.composition.subgraph.TypeRef;
import graphql.parser.Parser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypeRefsTest {
  private final TypeRefs refs = new TypeRefs(Map.of("Animal", Set.of("Cat", "Dog")));

  private static TypeRef t(String type) {
    return TypeRef.of(Parser.parseType(type));
  }

  @Test
  void nonNullListAndAbstractSubtypingFollowApollosDefaultRules() {
    assertThat(refs.isSubtype(t("String"), t("String!"))).isTrue();
    assertThat(refs.isSubtype(t("String!"), t("String"))).isFalse();
    assertThat(refs.isSubtype(t("[String]"), t("[String!]!"))).isTrue();
    assertThat(refs.isSubtype(t("Animal"), t("Cat!"))).isTrue();
    assertThat(refs.isSubtype(t("[Animal]"), t("[Cat]"))).isTrue();
    assertThat(refs.isSubtype(t("Cat"), t("Animal"))).isFalse();
    // T within [T] is Apollo's "list upgrade", which composition does not allow by default
    assertThat(refs.isSubtype(t("[String]"), t("String"))).isFalse();
  }

  @Test
  void outputsMergeToTheMostGeneralAndInputsToTheMostSpecificType() {
    assertThat(refs.merge(List.of(t("Int!"), t("Int")), false)).isEqualTo(t("Int"));
    assertThat(refs.merge(List.of(t("Int!"), t("Int")), true)).isEqualTo(t("Int!"));
    assertThat(refs.merge(List.of(t("Cat"), t("Animal")), false)).isEqualTo(t("Animal"));
    assertThat(refs.merge(List.of(t("Int"), t("String")), false)).isNull();
  }
}
