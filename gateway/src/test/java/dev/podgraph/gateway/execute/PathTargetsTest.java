package dev.podgraph.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.gateway.plan.PathElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The objects an entity fetch is for, found by its typed flatten path. */
class PathTargetsTest {

  private static List<PathTargets.Target> at(Object tree, PathElement... path) {
    List<PathTargets.Target> out = new ArrayList<>();
    PathTargets.collect(tree, List.of(path), 0, new ArrayList<>(), out);
    return out;
  }

  @Test
  void stepsIntoEveryListElementWithTheirIndexesInThePath() {
    Map<String, Object> first = Map.of("id", "1");
    Map<String, Object> second = Map.of("id", "2");
    Map<String, Object> tree = Map.of("products", List.of(first, second));

    List<PathTargets.Target> targets = at(tree, PathElement.key("products"), PathElement.EACH_ITEM);

    assertEquals(List.of(first, second), targets.stream().map(PathTargets.Target::object).toList());
    assertEquals(
        List.of(List.of("products", 0), List.of("products", 1)),
        targets.stream().map(PathTargets.Target::path).toList());
  }

  @Test
  void skipsNullsAndValuesOfTheWrongShape() {
    Map<String, Object> tree = new java.util.HashMap<>();
    tree.put("a", null);
    tree.put("b", "not an object");
    tree.put("c", List.of(Map.of("id", "3")));

    assertEquals(List.of(), at(tree, PathElement.key("a")));
    assertEquals(List.of(), at(tree, PathElement.key("b")));
    assertEquals(List.of(), at(tree, PathElement.key("c"), PathElement.key("id")));
    // A list at the end of the path stands for its elements.
    assertEquals(
        List.of(List.of("c", 0)),
        at(tree, PathElement.key("c")).stream().map(PathTargets.Target::path).toList());
  }
}
