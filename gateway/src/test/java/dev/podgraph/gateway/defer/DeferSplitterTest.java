package dev.podgraph.gateway.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How operations are cut at their {@code @defer} fragments (syntax only, no schema). */
class DeferSplitterTest {

  private static DeferSplitter.Split split(String text, Map<String, Object> variables) {
    Document document = Parser.parse(text);
    OperationDefinition operation =
        document.getDefinitionsOfType(OperationDefinition.class).getFirst();
    return DeferSplitter.split(document, operation, variables);
  }

  private static String compact(String text) {
    return AstPrinter.printAstCompact(Parser.parse(text));
  }

  @Test
  void declaresEachVariableOnlyInThePartsThatUseIt() {
    DeferSplitter.Split split =
        split(
            "query Q($n: Int, $term: String) { top: topProducts(first: $n) { name"
                + " ... on Product @defer(label: \"more\") { related(term: $term) { name } } } }",
            Map.of());
    assertEquals(
        compact("query Q($n: Int) { top: topProducts(first: $n) { name } }"), split.primary());
    DeferSplitter.Deferred deferred = split.deferred().getFirst();
    assertEquals(List.of("top"), deferred.path(), "the client's alias");
    assertEquals("more", deferred.label());
    assertEquals(
        compact(
            "query Q($n: Int, $term: String) { top: topProducts(first: $n) {"
                + " ... on Product { related(term: $term) { name } } } }"),
        deferred.query());
  }

  @Test
  void keepsAFragmentWhoseDeferIsSwitchedOffInThePrimaryOperation() {
    DeferSplitter.Split split =
        split("query Q($d: Boolean) { me { id ... @defer(if: $d) { name } } }", Map.of("d", false));
    assertTrue(split.deferred().isEmpty());
    assertTrue(split.primary().contains("name"), split.primary());
  }

  @Test
  void inlinesNamedFragmentsAndDeliversANestedDeferWithItsOuterOne() {
    DeferSplitter.Split split =
        split(
            "{ me { ...Details @defer } } fragment Details on User { name ... @defer { email } }",
            Map.of());
    assertEquals(compact("{ me { __typename } }"), split.primary(), "nothing left but a typename");
    assertEquals(1, split.deferred().size());
    assertEquals(
        compact("{ me { ... on User { name ... { email } } } }"),
        split.deferred().getFirst().query());
  }

  @Test
  void leavesOperationsWithoutDeferAsTheyAre() {
    DeferSplitter.Split split = split("{ me { name } }", Map.of());
    assertTrue(split.deferred().isEmpty());
    assertEquals(compact("{ me { name } }"), split.primary());
  }
}
