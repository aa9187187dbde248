package dev.podgraph.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.execute.CircuitBreakerSettings;
import dev.podgraph.gateway.fixture.FixtureSubgraph.Mode;
import dev.podgraph.gateway.fixture.GatewayHarness;
import dev.podgraph.gateway.fixture.ShopSubgraphs;
import dev.podgraph.gateway.fixture.Supergraphs;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Demand control through the whole pipeline: an operation over the cost limit never reaches a
 * subgraph, and heavy operations beyond the allowed number in flight are refused at once while
 * light ones still run.
 */
class DemandControlTest {
  private static Vertx vertx;
  private static ShopSubgraphs shop;
  private static GatewayHarness gateway;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    shop = new ShopSubgraphs(vertx);
    gateway =
        new GatewayHarness(
            vertx,
            Supergraphs.load("shop", shop.urls()),
            // A hung products request ends after 1 s (UNAVAILABLE), freeing its heavy permit.
            name -> name.equals("products") ? Duration.ofSeconds(1) : Duration.ofSeconds(30),
            new CircuitBreakerSettings(false, 50, 10, 5, Duration.ofSeconds(1), 1),
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    shop.close();
    vertx.close();
  }

  @AfterEach
  void heal() {
    shop.products.mode(Mode.ANSWER);
    shop.forget();
  }

  @Test
  void anOperationOverTheCostLimitIsRefusedBeforeAnySubgraphIsAsked() {
    ProcessedResponse answer = gateway.execute("{ topProducts(first: 20000) { upc } }");
    assertEquals(400, answer.status());
    Map<?, ?> error = (Map<?, ?>) ((List<?>) answer.body().get("errors")).getFirst();
    assertEquals("COST_ESTIMATED_TOO_EXPENSIVE", ((Map<?, ?>) error.get("extensions")).get("code"));
    assertTrue(
        error.get("message").toString().contains("estimated cost is 20000; the limit is 10000"),
        error.toString());
    assertTrue(shop.products.received().isEmpty(), "a subgraph was asked");
    assertFalse(gateway.execute("{ topProducts(first: 3) { upc } }").body().containsKey("errors"));
  }

  @Test
  void heavyOperationsBeyondTheAllowedNumberAreRefusedWhileLightOnesRun() throws Exception {
    shop.products.mode(Mode.HANG);
    List<CompletableFuture<ProcessedResponse>> heavy = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      // Four different operations (identical ones would share one fetch: in-flight deduplication).
      heavy.add(gateway.process("{ topProducts(first: " + (3000 + i) + ") { upc } }"));
    }
    shop.products.awaitReceived(4, Duration.ofSeconds(10));
    CompletableFuture<ProcessedResponse> fifth =
        gateway.process("{ topProducts(first: 3000) { upc } }");
    assertTrue(fifth.isDone(), "the fifth heavy operation waited");
    assertEquals(503, fifth.get().status());
    assertEquals(
        "UNAVAILABLE",
        ((Map<?, ?>)
                ((Map<?, ?>) ((List<?>) fifth.get().body().get("errors")).getFirst())
                    .get("extensions"))
            .get("code"));
    // A light operation is not held back by the heavy ones.
    assertEquals(
        Map.of("me", Map.of("name", "Alice")),
        gateway.execute("{ me { name } }").body().get("data"));

    // Once the heavy ones are answered (here: timed out), heavy operations are admitted again.
    for (CompletableFuture<ProcessedResponse> f : heavy) {
      f.get(30, TimeUnit.SECONDS);
    }
    shop.products.mode(Mode.ANSWER);
    ProcessedResponse again = gateway.execute("{ topProducts(first: 3000) { upc } }");
    assertFalse(again.body().containsKey("errors"), again.body().toString());
  }
}
