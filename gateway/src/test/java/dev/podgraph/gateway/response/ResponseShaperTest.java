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
                  type Query { items: [Item!] first: Item! maybe: Item kind: Kind }
                  enum Kind { A B }
                  interface Item { id: ID! }
                  type Box implements Item { id: ID! size: Int! }
                  type Bag implements Item { id: ID! color: String }
                  """));

  private static ResponseShaper.Shaped shape(String query, String tree) {
    var operation = new OperationNormalizer().normalize(Parser.parse(query), null, Map.of());
    return new ResponseShaper(SCHEMA).shape("Query", operation.selection(), json(tree));
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
  void nullsDataWhenANonNullRootFieldIsNull() {
    assertNull(shape("{ first { id } }", "{\"first\": null}").data());
  }

  @Test
  void refusesEnumValuesTheApiSchemaDoesNotHave() {
    ResponseShaper.Shaped shaped = shape("{ kind }", "{\"kind\": \"HIDDEN\"}");
    assertEquals(json("{\"kind\": null}"), shaped.data());
    assertEquals(List.of("kind"), shaped.errors().getFirst().get("path"));
  }
}
