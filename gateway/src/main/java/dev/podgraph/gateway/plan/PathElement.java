package dev.podgraph.gateway.plan;

import java.util.List;
import java.util.stream.Collectors;

/** One step of a path into the merged result: a response key, or every element of a list. */
public sealed interface PathElement permits PathElement.Key, PathElement.EachItem {

  /** The value under a response key of an object. */
  record Key(String responseKey) implements PathElement {
    @Override
    public String toString() {
      return responseKey;
    }
  }

  /** Every element of a list. */
  record EachItem() implements PathElement {
    @Override
    public String toString() {
      return "@";
    }
  }

  PathElement EACH_ITEM = new EachItem();

  static PathElement key(String responseKey) {
    return new Key(responseKey);
  }

  /** Apollo's notation: keys joined by dots, {@code @} for every list element. */
  static String render(List<PathElement> path) {
    return path.stream().map(PathElement::toString).collect(Collectors.joining("."));
  }
}
