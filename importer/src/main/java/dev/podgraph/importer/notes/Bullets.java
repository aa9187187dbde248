package dev.podgraph.importer.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an indented bullet list (" • question", " • follow-up") into a tree. Depth comes from the
 * indentation relative to the enclosing bullet, so two or four spaces per level both work. A
 * non-bullet line continues the bullet above it (notes wrapped by hand).
 */
final class Bullets {
  private static final Pattern BULLET = Pattern.compile("^(\\s*)[•*·▪◦‣-]\\s+(.*)$");

  private Bullets() {}

  static boolean isBullet(String line) {
    return BULLET.matcher(line).matches();
  }

  static List<InterviewPoint> tree(List<String> lines) {
    List<Node> roots = new ArrayList<>();
    List<Node> stack = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      Matcher bullet = BULLET.matcher(line);
      if (!bullet.matches()) {
        if (stack.isEmpty()) {
          roots.add(new Node(-1, line.strip()));
        } else {
          stack.getLast().text.append(' ').append(line.strip());
        }
        continue;
      }
      Node node = new Node(indentWidth(bullet.group(1)), bullet.group(2).strip());
      while (!stack.isEmpty() && stack.getLast().indent >= node.indent) {
        stack.removeLast();
      }
      if (stack.isEmpty()) {
        roots.add(node);
      } else {
        stack.getLast().children.add(node);
      }
      stack.add(node);
    }
    return roots.stream().map(Node::point).toList();
  }

  /** The top-level items as text; nested points are kept on their parent after " — ". */
  static List<String> items(List<String> lines) {
    return tree(lines).stream().map(Bullets::flatten).toList();
  }

  private static String flatten(InterviewPoint point) {
    StringBuilder text = new StringBuilder(point.text());
    for (InterviewPoint child : point.followUps()) {
      text.append(" — ").append(flatten(child));
    }
    return text.toString();
  }

  private static int indentWidth(String indent) {
    return indent.replace("\t", "    ").length();
  }

  private static final class Node {
    final int indent;
    final StringBuilder text;
    final List<Node> children = new ArrayList<>();

    Node(int indent, String text) {
      this.indent = indent;
      this.text = new StringBuilder(text);
    }

    InterviewPoint point() {
      return new InterviewPoint(text.toString(), children.stream().map(Node::point).toList());
    }
  }
}
