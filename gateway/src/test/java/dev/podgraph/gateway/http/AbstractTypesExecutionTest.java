package dev.podgraph.gateway.http;

import static dev.podgraph.gateway.fixture.GatewayHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.gateway.fixture.GatewayHarness;
import dev.podgraph.gateway.fixture.LibrarySubgraphs;
import dev.podgraph.gateway.fixture.Supergraphs;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Interfaces, interface objects, shared value types, composite keys and override, end to end. */
class AbstractTypesExecutionTest {

  private static Vertx vertx;
  private static LibrarySubgraphs library;
  private static GatewayHarness gateway;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    library = new LibrarySubgraphs(vertx);
    gateway =
        new GatewayHarness(
            vertx, Supergraphs.load("library", library.urls()), Duration.ofSeconds(5));
  }

  @AfterAll
  static void stop() {
    library.close();
    vertx.close();
  }

  @Test
  void addsInterfaceObjectFieldsToEveryImplementation() {
    assertEquals(
        json(
            """
            {"data": {"accounts": [
              {"__typename": "Admin", "name": "Ada", "rating": 5, "level": 3},
              {"__typename": "Member", "name": "Max", "rating": 4}]}}
            """),
        gateway.execute("{ accounts { __typename name rating ... on Admin { level } } }").body());
  }

  @Test
  void learnsTheRealTypeBehindAnInterfaceObject() {
    assertEquals(
        json(
            """
            {"data": {"topAccount": {"__typename": "Admin", "rating": 5, "level": 3, "name": "Ada"}}}
            """),
        gateway.execute("{ topAccount { __typename rating ... on Admin { level } name } }").body());
  }

  @Test
  void answersInterfaceObjectFieldsWithoutAskingForTheType() {
    assertEquals(
        json("{\"data\": {\"topAccount\": {\"rating\": 5}}}"),
        gateway.execute("{ topAccount { rating } }").body());
  }

  @Test
  void mergesAValueTypeAnsweredInParts() {
    assertEquals(
        json("{\"data\": {\"settings\": {\"theme\": \"dark\", \"locale\": \"fr\"}}}"),
        gateway.execute("{ settings { theme locale } }").body());
  }

  @Test
  void reachesAnOverriddenFieldThroughACompositeKey() {
    assertEquals(
        json("{\"data\": {\"order\": {\"lines\": 2, \"status\": \"shipped to eu\"}}}"),
        gateway.execute("{ order { lines status } }").body());
  }

  @Test
  void completesImplementationsFromTheSubgraphThatKnowsMore() {
    assertEquals(
        json(
            "{\"data\": {\"media\": [{\"__typename\": \"Book\", \"title\": \"Dune\", \"pages\": 412}]}}"),
        gateway
            .execute("{ media { __typename title ... on Book { pages } ... on Movie { id } } }")
            .body());
  }

  @Test
  void mergesAValueTypeAskedOfTwoSubgraphsUnderAnEntity() {
    assertEquals(
        json("{\"data\": {\"order\": {\"shipping\": {\"eta\": \"2d\", \"carrier\": \"Acme\"}}}}"),
        gateway.execute("{ order { shipping { eta carrier } } }").body());
  }
}
