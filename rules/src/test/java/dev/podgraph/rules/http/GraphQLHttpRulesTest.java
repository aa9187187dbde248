package dev.podgraph.rules.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.rules.ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphQLHttpRulesTest {

  private static Map<String, Object> body(Object... pairs) {
    Map<String, Object> body = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      body.put((String) pairs[i], pairs[i + 1]);
    }
    return body;
  }

  @Test
  void aWellFormedBodyPasses() {
    assertTrue(
        GraphQLHttpRules.members(
                body(
                    "query",
                    "{ a }",
                    "operationName",
                    "A",
                    "variables",
                    Map.of(),
                    "extensions",
                    Map.of()),
                true)
            .isEmpty());
    assertTrue(GraphQLHttpRules.members(body("variables", null), false).isEmpty());
  }

  @Test
  void eachMemberOfTheWrongTypeIsA400() {
    List<Map<String, Object>> bad =
        List.of(
            body("query", 5),
            body("query", "{ a }", "variables", "{}"),
            body("query", "{ a }", "variables", List.of()),
            body("query", "{ a }", "extensions", 1),
            body("query", "{ a }", "operationName", 1),
            body("query", "{ a }", "documentId", List.of()));
    for (Map<String, Object> b : bad) {
      var refusal = GraphQLHttpRules.members(b, true).orElseThrow();
      assertEquals(400, refusal.status(), b.toString());
      assertEquals(ErrorCode.BAD_USER_INPUT, refusal.code());
    }
  }

  @Test
  void aMissingQueryIsRefusedOnlyWhereNothingElseCanRun() {
    assertEquals(400, GraphQLHttpRules.members(body(), true).orElseThrow().status());
    assertTrue(GraphQLHttpRules.members(body(), false).isEmpty());
  }

  @Test
  void onlyJsonBodiesAreTaken() {
    assertTrue(GraphQLHttpRules.contentType("application/json").isEmpty());
    assertTrue(GraphQLHttpRules.contentType("Application/JSON; charset=utf-8").isEmpty());
    assertTrue(GraphQLHttpRules.contentType("application/graphql+json").isEmpty());
    for (String type :
        new String[] {null, "text/plain", "application/jsonx", "application/graphql"}) {
      assertEquals(415, GraphQLHttpRules.contentType(type).orElseThrow().status(), type);
    }
  }

  @Test
  void anotherMethodIsA405ThatSaysWhichAreAllowed() {
    assertTrue(GraphQLHttpRules.method("POST", "POST").isEmpty());
    var refusal = GraphQLHttpRules.method("PUT", "GET, POST").orElseThrow();
    assertEquals(405, refusal.status());
    assertEquals("GET, POST", refusal.allow());
    assertEquals(
        Map.of("errors", List.of(ErrorCode.BAD_USER_INPUT.error(refusal.message()))),
        refusal.body());
  }
}
