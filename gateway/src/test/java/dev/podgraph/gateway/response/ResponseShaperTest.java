package dev.podgraph.gateway.response;

import static dev.podgraph.gateway.fixture.GatewayHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.podgraph.gateway.plan.OperationNormalizer;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shaping rules of the GraphQL spec (response keys, fragments, null propagation), no HTTP. */
class ResponseShaperTest {

  private static final GraphQLSchema SCHEMA =
      UnExecutableSchemaGenerator.makeUnExecutableSchema(
          new SchemaParser()
              .parse(
                  """
                  type Query { items: [Item!] first: Item! maybe: Item kind: Kind boxes: [Box] }
                  enum Kind { A B }
                  interface Item { id: ID! }
                  type Box implements Item { id: ID! size: Int! }
                  type Bag implements Item { id: ID! color: String }
                  """));

  private static ResponseShaper.Shaped shape(String query, String tree) {
    return shape(query, json(tree), List.of());
  }

  private static ResponseShaper.Shaped shape(
      String query, Map<String, Object> tree, List<List<Object>> explained) {
    var operation = new OperationNormalizer().normalize(Parser.parse(query), null, Map.of());
    return new ResponseShaper(SCHEMA).shape("Query", operation.selection(), tree, explained);
  }

  @Test
  void keepsOnlyTheClientsKeysInTheClientsOrder() {
    ResponseShaper.Shaped shaped =
        shape(
            "{ maybe { ... on Box { s: size } id } }",
            "{\"maybe\": {\"__typename\": \"Box\", \"id\": \"1\", \"size\": 3, \"s\": 3, \"extra\": 1}}");
    assertEquals(
        List.of("s", "id"), List.copyOf(((Map<?, ?>) shaped.data().get("maybe")).keySet()));
  }

  @Test
  void appliesFragmentsByTheRuntimeType() {
    ResponseShaper.Shaped shaped =
        shape(
            "{ items { __typename ... on Box { size } ... on Bag { color } } }",
            "{\"items\": [{\"__typename\": \"Box\", \"size\": 1}, {\"__typename\": \"Bag\", \"color\": \"red\"}]}");
    assertEquals(
        json(
            "{\"items\": [{\"__typename\": \"Box\", \"size\": 1}, {\"__typename\": \"Bag\", \"color\": \"red\"}]}"),
        shaped.data());
  }

  @Test
  void nullsTheNearestNullableAncestorOfANullNonNullField() {
    ResponseShaper.Shaped shaped =
        shape(
            "{ items { ... on Box { size } } kind }",
            "{\"items\": [{\"__typename\": \"Box\", \"size\": 1}, {\"__typename\": \"Box\", \"size\": null}], \"kind\": \"A\"}");
    assertEquals(json("{\"items\": null, \"kind\": \"A\"}"), shaped.data());
  }

  @Test
  void nullsDataWhenANonNullRootFieldIsNullAndSaysWhy() {
    ResponseShaper.Shaped shaped = shape("{ first { id } }", "{\"first\": null}");
    assertNull(shaped.data());
    assertEquals(
        List.of(
            json(
                """
                {"message": "Cannot return null for non-nullable field Query.first.",
                 "path": ["first"], "extensions": {"code": "INTERNAL"}}
                """)),
        shaped.errors());
  }

  @Test
  void reportsTheNullAtTheClientsPathWithAliasesAndIndices() {
    ResponseShaper.Shaped shaped =
        shape(
            "{ things: items { ... on Box { s: size } } }",
            "{\"things\": [{\"__typename\": \"Box\", \"s\": 1}, {\"__typename\": \"Box\"}]}");
    assertEquals(json("{\"things\": null}"), shaped.data());
    assertEquals(
        List.of(
            json(
                """
                {"message": "Cannot return null for non-nullable field Box.size.",
                 "path": ["things", 1, "s"], "extensions": {"code": "INTERNAL"}}
                """)),
        shaped.errors());
  }

  @Test
  void addsNoErrorWhenAnErrorAtAboveOrBelowThePathExplainsTheNull() {
    String query = "{ items { ... on Box { size } } kind }";
    Map<String, Object> tree =
        json("{\"items\": [{\"__typename\": \"Box\", \"size\": null}], \"kind\": \"A\"}");
    for (List<Object> explained :
        List.<List<Object>>of(
            List.of("items", 0, "size"), List.of("items", 0), List.of("items", 0, "size", "x"))) {
      ResponseShaper.Shaped shaped = shape(query, tree, List.of(explained));
      assertEquals(json("{\"items\": null, \"kind\": \"A\"}"), shaped.data());
      assertEquals(List.of(), shaped.errors(), "explained by an error at " + explained);
    }
    ResponseShaper.Shaped unrelated = shape(query, tree, List.of(List.of("kind")));
    assertEquals(List.of("items", 0, "size"), unrelated.errors().getFirst().get("path"));
  }

  @Test
  void reportsAPropagatedNullOnceWhereItStarted() {
    ResponseShaper.Shaped shaped =
        shape("{ first { ... on Box { size } } }", "{\"first\": {\"__typename\": \"Box\"}}");
    assertNull(shaped.data());
    assertEquals(1, shaped.errors().size());
    assertEquals(List.of("first", "size"), shaped.errors().getFirst().get("path"));
  }

  @Test
  void nullsOnlyTheListElementWhoseNonNullFieldIsNull() {
    ResponseShaper.Shaped shaped =
        shape(
            "{ boxes { size } }",
            "{\"boxes\": [{\"__typename\": \"Box\", \"size\": null}, {\"__typename\": \"Box\", \"size\": 2}]}");
    assertEquals(json("{\"boxes\": [null, {\"size\": 2}]}"), shaped.data());
    assertEquals(1, shaped.errors().size());
  }

  @Test
  void listsAtMostAHundredNullErrorsAndCountsTheRest() {
    List<Object> boxes = new java.util.ArrayList<>();
    for (int i = 0; i < 150; i++) {
      boxes.add(Map.of("__typename", "Box"));
    }
    ResponseShaper.Shaped shaped = shape("{ boxes { size } }", Map.of("boxes", boxes), List.of());
    assertEquals(ResponseShaper.MAX_NULL_ERRORS + 1, shaped.errors().size());
    assertEquals(List.of("boxes", 99, "size"), shaped.errors().get(99).get("path"));
    assertEquals(
        Map.of("code", "INTERNAL", "omitted", 50), shaped.errors().getLast().get("extensions"));
  }

  @Test
  void refusesEnumValuesTheApiSchemaDoesNotHave() {
    ResponseShaper.Shaped shaped = shape("{ kind }", "{\"kind\": \"HIDDEN\"}");
    assertEquals(json("{\"kind\": null}"), shaped.data());
    assertEquals(List.of("kind"), shaped.errors().getFirst().get("path"));
  }
}
