package dev.podgraph.gateway.response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths of errors already in a response, as a trie: tells in the length of one path whether an
 * error sits at that path, above it or below it, so one cause is reported once.
 */
final class ErrorPaths {

  private final Node root = new Node();

  private static final class Node {
    final Map<Object, Node> children = new HashMap<>();
    boolean error;
  }

  void add(List<Object> path) {
    Node node = root;
    for (Object segment : path) {
      node = node.children.computeIfAbsent(key(segment), k -> new Node());
    }
    node.error = true;
  }

  /** Whether an error's path equals this path, is a prefix of it, or extends it. */
  boolean related(List<Object> path) {
    Node node = root;
    if (node.error) {
      return true;
    }
    for (Object segment : path) {
      node = node.children.get(key(segment));
      if (node == null) {
        return false;
      }
      if (node.error) {
        return true;
      }
    }
    return !node.children.isEmpty(); // an error lies below this path
  }

  /** Indices arrive as Integer from the shaper and as Integer or Long from parsed JSON. */
  private static Object key(Object segment) {
    return segment instanceof Number number ? (Object) number.longValue() : segment;
  }
}
