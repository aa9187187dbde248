package dev.podgraph.gateway.trace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.FixtureSubgraph;
import dev.podgraph.gateway.fixture.ShopResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** W3C trace context from the client, through the gateway, to every subgraph it fetches from. */
@QuarkusTest
@QuarkusTestResource(value = ShopResource.class, restrictToAnnotatedClass = true)
class TraceContextTest {

  private static final Pattern TRACEPARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

  @Test
  void everySubgraphFetchCarriesTheClientsTraceIdWithASpanOfTheGateway() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String clientSpan = "00f067aa0ba902b7";
    ShopResource.shop.forget();

    given()
        .contentType(ContentType.JSON)
        .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
        .body("{\"query\": \"{ topProducts(first: 1) { name reviews { body } } }\"}")
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("data.topProducts[0].reviews[0].body", equalTo("Love it"));

    for (FixtureSubgraph subgraph :
        List.of(ShopResource.shop.products, ShopResource.shop.reviews)) {
      FixtureSubgraph.Received received = subgraph.received().getLast();
      String traceparent = received.headers().get("traceparent");
      assertNotNull(traceparent, "no traceparent: " + received.headers());
      Matcher m = TRACEPARENT.matcher(traceparent);
      assertTrue(m.matches(), traceparent);
      assertEquals(traceId, m.group(1), "same trace as the client's request");
      assertNotEquals(clientSpan, m.group(2), "the parent is the gateway's fetch span");
    }
    String products = ShopResource.shop.products.received().getLast().headers().get("traceparent");
    String reviews = ShopResource.shop.reviews.received().getLast().headers().get("traceparent");
    assertNotEquals(products, reviews, "one span per fetch");
  }

  @Test
  void startsATraceWhenTheClientSendsNone() {
    ShopResource.shop.forget();
    given()
        .contentType(ContentType.JSON)
        .body("{\"query\": \"{ topProducts(first: 1) { name } }\"}")
        .post("/graphql")
        .then()
        .statusCode(200);
    String traceparent =
        ShopResource.shop.products.received().getLast().headers().get("traceparent");
    assertNotNull(traceparent);
    assertTrue(TRACEPARENT.matcher(traceparent).matches(), traceparent);
  }
}
