package dev.podgraph.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.podgraph.gateway.fixture.FixtureSubgraph.Mode;
import dev.podgraph.gateway.fixture.GatewayHarness;
import dev.podgraph.gateway.fixture.ShopSubgraphs;
import dev.podgraph.gateway.fixture.Supergraphs;
import dev.podgraph.gateway.http.GraphQLRequest;
import dev.podgraph.gateway.http.ProcessedResponse;
import io.vertx.core.Vertx;
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

/** In-flight deduplication of identical subgraph fetches, through the whole pipeline. */
class DeduplicationTest {
  private static Vertx vertx;
  private static ShopSubgraphs shop;
  private static GatewayHarness gateway;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    shop = new ShopSubgraphs(vertx);
    gateway =
        new GatewayHarness(vertx, Supergraphs.load("shop", shop.urls()), Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    shop.close();
    vertx.close();
  }

  @AfterEach
  void heal() {
    List.of(shop.products, shop.inventory, shop.reviews, shop.users).forEach(s -> s.release());
    shop.forget();
  }

  private static List<ProcessedResponse> all(List<CompletableFuture<ProcessedResponse>> answers)
      throws Exception {
    List<ProcessedResponse> done = new ArrayList<>();
    for (CompletableFuture<ProcessedResponse> answer : answers) {
      done.add(answer.get(20, TimeUnit.SECONDS));
    }
    return done;
  }

  private static double deduplicated(String subgraph) {
    var counter =
        gateway.registry.find("gateway.subgraph.deduplicated").tag("subgraph", subgraph).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void identicalQueriesInFlightTogetherCostTheSubgraphOneFetchAndEachGetsTheWholeAnswer()
      throws Exception {
    double before = deduplicated("products");
    shop.products.mode(Mode.HOLD);
    String query = "{ topProducts { upc name inStock reviews { body author { name } } } }";
    List<CompletableFuture<ProcessedResponse>> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      answers.add(gateway.process(query));
    }
    shop.products.awaitReceived(1, Duration.ofSeconds(10));
    assertEquals(1, shop.products.received().size(), "root fetches sent to products");
    assertEquals(4, deduplicated("products") - before);
    shop.products.release();

    List<ProcessedResponse> done = all(answers);
    Map<String, Object> first = done.getFirst().body();
    assertFalse(first.containsKey("errors") && !first.get("errors").toString().contains("u2"));
    for (ProcessedResponse answer : done) {
      // The same answer for everyone, entity data merged in: nobody's merge reached another's copy.
      assertEquals(first, answer.body());
    }
    assertEquals(
        gateway.execute(query).body(), first, "the same answer as a query sent on its own");
  }

  @Test
  void fetchesWithDifferentForwardedHeadersAreNotShared() throws Exception {
    shop.users.mode(Mode.HOLD);
    CompletableFuture<ProcessedResponse> alice =
        gateway.process(
            new GraphQLRequest("{ me { name } }", null, Map.of(), false),
            Map.of("authorization", "Bearer a"));
    CompletableFuture<ProcessedResponse> bob =
        gateway.process(
            new GraphQLRequest("{ me { name } }", null, Map.of(), false),
            Map.of("authorization", "Bearer b"));
    shop.users.awaitReceived(2, Duration.ofSeconds(10));
    shop.users.release();
    all(List.of(alice, bob));
    assertEquals(2, shop.users.received().size());
  }

  @Test
  void mutationsAreNeverShared() throws Exception {
    shop.reviews.mode(Mode.HOLD);
    String mutation = "mutation { addReview(upc: \"1\", body: \"again\") { body } }";
    List<CompletableFuture<ProcessedResponse>> answers =
        List.of(gateway.process(mutation), gateway.process(mutation));
    shop.reviews.awaitReceived(2, Duration.ofSeconds(10));
    shop.reviews.release();
    all(answers);
    assertEquals(2, shop.reviews.received().size());
  }

  @Test
  void aQueryAfterTheAnswerIsSentAgain() {
    gateway.execute("{ topProducts { upc } }");
    gateway.execute("{ topProducts { upc } }");
    assertEquals(2, shop.products.received().size(), "nothing is cached beyond the flight");
  }
}
