package dev.podgraph.gateway.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.gateway.supergraph.Supergraph;
import dev.podgraph.gateway.supergraph.SupergraphParser;
import graphql.language.AstPrinter;
import graphql.parser.Parser;
import java.util.Map;

/** Renders plans as text whose subgraph operations are normalized, so tests read as plans. */
final class PlanAssertions {

  private PlanAssertions() {}

  static QueryPlan plan(String supergraphSdl, String operation) {
    return plan(supergraphSdl, operation, Map.of());
  }

  static QueryPlan plan(String supergraphSdl, String operation, Map<String, Object> variables) {
    Supergraph supergraph = new SupergraphParser().parse(supergraphSdl);
    NormalizedOperation normalized =
        new OperationNormalizer().normalize(Parser.parse(operation), null, variables);
    return new QueryPlanner(supergraph).plan(normalized);
  }

  static void assertPlan(String expected, QueryPlan plan) {
    assertEquals(normalize(expected), render(plan.root().orElse(null)));
  }

  /** Expected plans are written with readable GraphQL; reprint each operation compactly. */
  private static String normalize(String expected) {
    StringBuilder out = new StringBuilder();
    for (String line : expected.strip().split("\n")) {
      String trimmed = line.strip();
      int brace = trimmed.indexOf(": ");
      if (trimmed.startsWith("Fetch(") && brace > 0) {
        String operation = trimmed.substring(brace + 2);
        out.append(trimmed, 0, brace + 2).append(compact(operation));
      } else {
        out.append(trimmed);
      }
      out.append('\n');
    }
    return out.toString();
  }

  static String compact(String operation) {
    return AstPrinter.printAstCompact(Parser.parse(operation));
  }

  static String render(PlanNode node) {
    StringBuilder out = new StringBuilder();
    render(node, out);
    return out.toString();
  }

  private static void render(PlanNode node, StringBuilder out) {
    switch (node) {
      case null -> out.append("Empty\n");
      case PlanNode.Sequence s -> {
        out.append("Sequence\n");
        s.nodes().forEach(n -> render(n, out));
        out.append("End\n");
      }
      case PlanNode.Parallel p -> {
        out.append("Parallel\n");
        p.nodes().forEach(n -> render(n, out));
        out.append("End\n");
      }
      case PlanNode.Flatten f -> {
        out.append("Flatten(").append(PathElement.render(f.path())).append(")\n");
        render(f.fetch(), out);
      }
      case PlanNode.Fetch f -> {
        out.append("Fetch(")
            .append(f.subgraph())
            .append("): ")
            .append(compact(f.operation()))
            .append('\n');
        f.contextRewrites().forEach(r -> out.append("Context(").append(r.describe()).append(")\n"));
      }
    }
  }
}
