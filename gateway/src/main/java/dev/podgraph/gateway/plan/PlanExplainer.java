package dev.podgraph.gateway.plan;

import graphql.language.AstPrinter;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query plan as Apollo Router shows it to developers ({@code extensions.apolloQueryPlan}): an
 * {@code object} of {@code Sequence}/{@code Parallel}/{@code Flatten}/{@code Fetch} nodes and the
 * same as indented {@code text}.
 */
public final class PlanExplainer {
  private PlanExplainer() {}

  public static Map<String, Object> explain(QueryPlan plan) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("kind", "QueryPlan");
    object.put("node", plan.root().map(PlanExplainer::node).orElse(null));
    StringBuilder text = new StringBuilder("QueryPlan {\n");
    plan.root().ifPresent(root -> text(root, 1, text));
    text.append("}");
    Map<String, Object> explained = new LinkedHashMap<>();
    explained.put("object", object);
    explained.put("text", text.toString());
    return explained;
  }

  private static Map<String, Object> node(PlanNode node) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (node) {
      case PlanNode.Sequence s -> {
        out.put("kind", "Sequence");
        out.put("nodes", nodes(s.nodes()));
      }
      case PlanNode.Parallel p -> {
        out.put("kind", "Parallel");
        out.put("nodes", nodes(p.nodes()));
      }
      case PlanNode.Flatten f -> {
        out.put("kind", "Flatten");
        out.put("path", f.path().stream().map(PathElement::toString).toList());
        out.put("node", node(f.fetch()));
      }
      case PlanNode.Fetch f -> {
        out.put("kind", "Fetch");
        out.put("serviceName", f.subgraph());
        out.put("variableUsages", f.variableUsages());
        out.put("operation", f.operation());
        if (!f.contextRewrites().isEmpty()) {
          out.put("contextRewrites", contextRewrites(f));
        }
      }
    }
    return out;
  }

  /** As Apollo Router writes them: {@code KeyRenamer}s from the object to the variable. */
  private static List<Object> contextRewrites(PlanNode.Fetch fetch) {
    List<Object> out = new ArrayList<>();
    for (ContextRewrite rewrite : fetch.contextRewrites()) {
      Map<String, Object> renamer = new LinkedHashMap<>();
      renamer.put("kind", "KeyRenamer");
      renamer.put("path", rewrite.path());
      renamer.put("renameKeyTo", rewrite.variable());
      out.add(renamer);
    }
    return out;
  }

  private static List<Object> nodes(List<PlanNode> nodes) {
    List<Object> out = new ArrayList<>();
    nodes.forEach(n -> out.add(node(n)));
    return out;
  }

  private static void text(PlanNode node, int depth, StringBuilder out) {
    String indent = "  ".repeat(depth);
    switch (node) {
      case PlanNode.Sequence s -> block(indent, "Sequence", s.nodes(), depth, out);
      case PlanNode.Parallel p -> block(indent, "Parallel", p.nodes(), depth, out);
      case PlanNode.Flatten f -> {
        out.append(indent).append("Flatten(path: \"").append(PathElement.render(f.path()));
        out.append("\") {\n");
        text(f.fetch(), depth + 1, out);
        out.append(indent).append("}\n");
      }
      case PlanNode.Fetch f -> {
        out.append(indent).append("Fetch(service: \"").append(f.subgraph()).append("\") {\n");
        out.append(indent).append("  ").append(compact(f.operation())).append('\n');
        for (ContextRewrite rewrite : f.contextRewrites()) {
          out.append(indent).append("  context: ").append(rewrite.describe()).append('\n');
        }
        out.append(indent).append("}\n");
      }
    }
  }

  private static void block(
      String indent, String kind, List<PlanNode> nodes, int depth, StringBuilder out) {
    out.append(indent).append(kind).append(" {\n");
    nodes.forEach(n -> text(n, depth + 1, out));
    out.append(indent).append("}\n");
  }

  private static String compact(String operation) {
    try {
      return AstPrinter.printAstCompact(Parser.parse(operation));
    } catch (RuntimeException e) {
      return operation;
    }
  }
}
