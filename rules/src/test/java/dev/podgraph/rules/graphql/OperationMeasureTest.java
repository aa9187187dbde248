package dev.podgraph.rules.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationMeasureTest {

  private static OperationMeasure measure(String query) {
    Document document = Parser.parse(query);
    return OperationMeasure.of(
        document, document.getDefinitionsOfType(OperationDefinition.class).get(0));
  }

  @Test
  void countsDepthAliasesAndFieldsAsExecuted() {
    assertEquals(
        new OperationMeasure(3, 1, 5),
        measure("{ a { b { c } } x: d { ...F } } fragment F on T { e }"));
  }

  @Test
  void aFragmentBombIsMeasuredInLinearTime() {
    List<String> fragments = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      fragments.add("fragment F" + i + " on T { a ...F" + (i + 1) + " b ...F" + (i + 1) + " }");
    }
    fragments.add("fragment F40 on T { c }");
    String bomb = "{ t { ...F0 } } " + String.join(" ", fragments);
    OperationMeasure measure =
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> measure(bomb));
    assertEquals(2, measure.depth());
    assertEquals(true, measure.fields() > 1L << 40, "fields " + measure.fields());
  }
}
