package dev.podgraph.gateway.http;

import static dev.podgraph.gateway.fixture.GatewayHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.FixtureSubgraph;
import dev.podgraph.gateway.fixture.GatewayHarness;
import dev.podgraph.gateway.fixture.ShopSubgraphs;
import dev.podgraph.gateway.fixture.Supergraphs;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole pipeline over four fixture subgraphs; expected data follows from their data. */
class FederatedExecutionTest {

  private static Vertx vertx;
  private static ShopSubgraphs shop;
  private static GatewayHarness gateway;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    shop = new ShopSubgraphs(vertx);
    gateway =
        new GatewayHarness(vertx, Supergraphs.load("shop", shop.urls()), Duration.ofSeconds(5));
  }

  @AfterAll
  static void stop() {
    shop.close();
    vertx.close();
  }

  @BeforeEach
  void forget() {
    shop.forget();
  }

  @Test
  void joinsEntityFieldsAndRequiredFieldsFromThreeSubgraphs() {
    ProcessedResponse response =
        gateway.execute("{ topProducts(first: 2) { name inStock shippingEstimate } }");
    assertEquals(
        json(
            """
            {"data": {"topProducts": [
              {"name": "Table", "inStock": true, "shippingEstimate": 50},
              {"name": "Couch", "inStock": false, "shippingEstimate": 0}]}}
            """),
        response.body());
    assertEquals(1, shop.inventory.received().size(), "one _entities call for both products");
  }

  @Test
  void sendsEachRepresentationOnceAndOneRequestPerSubgraphPerStep() {
    ProcessedResponse response =
        gateway.execute("{ topProducts(first: 3) { upc reviews { author { username } } } }");
    assertEquals(
        json(
            """
            {"data": {"topProducts": [
              {"upc": "1", "reviews": [{"author": {"username": "alice"}}]},
              {"upc": "2", "reviews": [{"author": {"username": "bob"}}, {"author": {"username": "alice"}}]},
              {"upc": "3", "reviews": []}]}}
            """),
        response.body());
    assertEquals(1, shop.reviews.received().size());
    assertTrue(shop.users.received().isEmpty(), "username is provided by reviews");
  }

  @Test
  void deduplicatesRepresentationsOfTheSameEntity() {
    gateway.execute("{ topProducts(first: 3) { reviews { author { id } } } }");
    shop.forget();
    ProcessedResponse response = gateway.execute("{ me { reviews { product { name } } } }");
    assertEquals(
        json(
            """
            {"data": {"me": {"reviews": [{"product": {"name": "Table"}}, {"product": {"name": "Couch"}}]}}}
            """),
        response.body());
    List<FixtureSubgraph.Received> toProducts = shop.products.received();
    assertEquals(1, toProducts.size());
    assertEquals(2, ((List<?>) toProducts.getFirst().variables().get("representations")).size());
  }

  @Test
  void rewritesSubgraphErrorPathsAndNullsTheNearestNullableParent() {
    // The error's extensions are the subgraph's own (graphql-java adds a classification).
    ProcessedResponse response =
        gateway.execute("{ topProducts(first: 2) { reviews { body author { name } } } }");
    Map<String, Object> expected =
        json(
            """
            {"errors": [{"message": "name of u2 is private",
                         "path": ["topProducts", 1, "reviews", 0, "author", "name"],
                         "extensions": {"code": "FORBIDDEN", "classification": "DataFetchingException"}}],
             "data": {"topProducts": [
               {"reviews": [{"body": "Love it", "author": {"name": "Alice"}}]},
               {"reviews": [{"body": "Too soft", "author": null}, {"body": "Sturdy", "author": {"name": "Alice"}}]}]}}
            """);
    assertEquals(expected, response.body());
  }

  @Test
  void keepsAliasesFragmentsAndTypenamesOfTheClient() {
    ProcessedResponse response =
        gateway.execute(
            """
            query {
              best: topProducts(first: 1) { ...P kind: __typename }
              search(term: "a") { __typename ... on Product { upc available: inStock } ... on Brand { name } }
            }
            fragment P on Product { title: name }
            """);
    assertEquals(
        json(
            """
            {"data": {
              "best": [{"title": "Table", "kind": "Product"}],
              "search": [{"__typename": "Product", "upc": "1", "available": true}, {"__typename": "Brand", "name": "Acme"}]}}
            """),
        response.body());
    assertEquals(
        List.of("best", "search"), List.copyOf(((Map<?, ?>) response.body().get("data")).keySet()));
  }

  @Test
  void keepsTheClientsMeaningOfAKeyThePlannerAlsoNeeds() {
    ProcessedResponse response = gateway.execute("{ topProducts(first: 1) { inStock upc: name } }");
    assertEquals(
        json("{\"data\": {\"topProducts\": [{\"inStock\": true, \"upc\": \"Table\"}]}}"),
        response.body());
  }

  @Test
  void runsMutationsInOrder() {
    ProcessedResponse response =
        gateway.execute(
            "mutation { first: rename(name: \"A\") { name } second: rename(name: \"B\") { name } }");
    assertEquals(
        json("{\"data\": {\"first\": {\"name\": \"A\"}, \"second\": {\"name\": \"B\"}}}"),
        response.body());
    List<FixtureSubgraph.Received> received = shop.users.received();
    assertEquals(2, received.size());
    assertTrue(received.get(0).query().contains("\"A\""));
    assertTrue(received.get(1).query().contains("\"B\""));
  }

  @Test
  void answersIntrospectionWithTheApiSchemaOnly() {
    ProcessedResponse response =
        gateway.execute(
            "{ __type(name: \"Product\") { fields { name } } __schema { queryType { name } } }");
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) response.body().get("data");
    String text = GatewayHarness.write(data);
    assertTrue(text.contains("\"shippingEstimate\""));
    assertFalse(text.contains("internalCode"), "inaccessible fields are hidden");
    assertEquals(Map.of("queryType", Map.of("name", "Query")), data.get("__schema"));
    assertTrue(shop.products.received().isEmpty());
  }

  @Test
  void answersIntrospectionWithVariables() {
    ProcessedResponse response =
        gateway.execute(
            "query($t: String!) { __type(name: $t) { name kind } }",
            Map.of("t", "Review"),
            Map.of());
    assertEquals(
        json("{\"data\": {\"__type\": {\"name\": \"Review\", \"kind\": \"OBJECT\"}}}"),
        response.body());
  }

  @Test
  void refusesInaccessibleFieldsAsInvalid() {
    ProcessedResponse response = gateway.execute("{ secret }");
    assertTrue(response.requestError());
    assertEquals("GRAPHQL_VALIDATION_FAILED", code(response));
    assertTrue(shop.users.received().isEmpty());
  }

  @Test
  void refusesVariablesOfTheWrongType() {
    ProcessedResponse response =
        gateway.execute(
            "query($n: Int) { topProducts(first: $n) { upc } }", Map.of("n", "many"), Map.of());
    assertEquals("BAD_USER_INPUT", code(response));
  }

  @Test
  void forwardsTheHeadersItIsGiven() {
    gateway.execute("{ me { name } }", Map.of(), Map.of("authorization", "Bearer t"));
    assertEquals("Bearer t", shop.users.received().getFirst().headers().get("authorization"));
  }

  @Test
  void servesThePlanFromTheCacheTheSecondTime() {
    String query = "{ topProducts(first: 1) { upc weight } }";
    double before = gateway.registry.counter("gateway.plan.cache", "result", "hit").count();
    gateway.execute(query);
    gateway.execute(query);
    assertEquals(
        before + 1, gateway.registry.counter("gateway.plan.cache", "result", "hit").count());
  }

  @Test
  void givesPartialDataAndAnErrorWhenASubgraphIsDown() {
    Map<String, String> urls = new HashMap<>(shop.urls());
    urls.put("inventory", "http://127.0.0.1:1/graphql");
    GatewayHarness broken =
        new GatewayHarness(vertx, Supergraphs.load("shop", urls), Duration.ofSeconds(2));
    ProcessedResponse response = broken.execute("{ topProducts(first: 1) { name inStock } }");
    assertEquals(
        json("{\"topProducts\": [{\"name\": \"Table\", \"inStock\": null}]}"),
        response.body().get("data"));
    assertEquals("UNAVAILABLE", code(response));
  }

  @SuppressWarnings("unchecked")
  private static String code(ProcessedResponse response) {
    List<Map<String, Object>> errors = (List<Map<String, Object>>) response.body().get("errors");
    return (String) ((Map<String, Object>) errors.getFirst().get("extensions")).get("code");
  }
}
