package dev.podgraph.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.gateway.plan.ContextRewrite;
import dev.podgraph.gateway.plan.Projection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading contextual argument values from an object's ancestors in the merged tree. */
class ContextValuesTest {

  private static final ContextValues VALUES =
      new ContextValues(String::equals, new Representations(String::equals));

  private static ContextRewrite rewrite(int levelsUp, String sourceKey) {
    return new ContextRewrite(
        levelsUp,
        "T",
        new Projection.Field("prop", sourceKey, Optional.empty(), Optional.empty()),
        "contextualArgument_1_0",
        "String");
  }

  private static final Map<String, Object> TREE =
      Map.of(
          "ts",
          List.of(
              Map.of("__typename", "T", "p", "x", "v", Map.of("u", Map.of("id", "1"))),
              Map.of("__typename", "Other", "p", "y", "v", Map.of("u", Map.of("id", "2")))));

  @Test
  void readsTheValueTwoObjectLevelsUpSkippingTheList() {
    assertEquals(
        Map.of("contextualArgument_1_0", "x"),
        VALUES.of(List.of(rewrite(2, "p")), TREE, List.of("ts", 0, "v", "u")));
  }

  @Test
  void givesNullWhenTheAncestorIsOfAnotherTypeOrOutOfTheTree() {
    Map<String, Object> expected = new HashMap<>();
    expected.put("contextualArgument_1_0", null);
    assertEquals(expected, VALUES.of(List.of(rewrite(2, "p")), TREE, List.of("ts", 1, "v", "u")));
    assertEquals(expected, VALUES.of(List.of(rewrite(9, "p")), TREE, List.of("ts", 0, "v", "u")));
  }
}
