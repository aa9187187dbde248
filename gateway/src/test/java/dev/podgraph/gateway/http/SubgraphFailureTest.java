package dev.podgraph.gateway.http;

import static dev.podgraph.gateway.fixture.GatewayHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.execute.CircuitBreakerSettings;
import dev.podgraph.gateway.fixture.FixtureSubgraph.Mode;
import dev.podgraph.gateway.fixture.GatewayHarness;
import dev.podgraph.gateway.fixture.ShopSubgraphs;
import dev.podgraph.gateway.fixture.Supergraphs;
import dev.podgraph.gateway.fixture.TestClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subgraphs that fail, hang or answer null entities, behind the whole pipeline: partial data, an
 * error at the path of every field left null, per-subgraph timeouts and the circuit breakers.
 */
class SubgraphFailureTest {

  private static final Duration LONG = Duration.ofSeconds(20);
  private static final CircuitBreakerSettings NO_BREAKER =
      new CircuitBreakerSettings(false, 50, 10, 5, Duration.ofSeconds(1), 1);

  /** Opens after two failures among the last four requests; one probe after one second. */
  private static final CircuitBreakerSettings QUICK_BREAKER =
      new CircuitBreakerSettings(true, 50, 4, 2, Duration.ofSeconds(1), 1);

  private static Vertx vertx;
  private static ShopSubgraphs shop;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    shop = new ShopSubgraphs(vertx);
  }

  @AfterAll
  static void stop() {
    shop.close();
    vertx.close();
  }

  @AfterEach
  void heal() {
    List.of(shop.products, shop.inventory, shop.reviews, shop.users)
        .forEach(s -> s.mode(Mode.ANSWER));
    shop.forget();
  }

  private static GatewayHarness gateway(
      Map<String, Duration> timeouts, CircuitBreakerSettings breaker, Clock clock) {
    return new GatewayHarness(
        vertx,
        Supergraphs.load("shop", shop.urls()),
        name -> timeouts.getOrDefault(name, LONG),
        breaker,
        clock);
  }

  private static Map<String, Object> run(GatewayHarness gateway, String query) throws Exception {
    return gateway.process(query).get(10, TimeUnit.SECONDS).body();
  }

  @Test
  void givesPartialDataAndAnUnavailableErrorAtTheClientsPathWhenASubgraphHangs() throws Exception {
    shop.inventory.mode(Mode.HANG);
    GatewayHarness gateway =
        gateway(Map.of("inventory", Duration.ofMillis(300)), NO_BREAKER, Clock.systemUTC());

    // Answered within 10 s although every other subgraph has 20 s: the per-subgraph timeout holds.
    Map<String, Object> body =
        run(gateway, "{ best: topProducts(first: 2) { name stock: inStock } }");

    assertEquals(
        json(
            """
            {"errors": [
              {"message": "Subgraph 'inventory' is unavailable: it did not answer in time.",
               "path": ["best", 0, "stock"],
               "extensions": {"code": "UNAVAILABLE", "serviceName": "inventory", "reason": "TIMEOUT"}},
              {"message": "Subgraph 'inventory' is unavailable: it did not answer in time.",
               "path": ["best", 1, "stock"],
               "extensions": {"code": "UNAVAILABLE", "serviceName": "inventory", "reason": "TIMEOUT"}}],
             "data": {"best": [{"name": "Table", "stock": null}, {"name": "Couch", "stock": null}]}}
            """),
        body);
    assertEquals(1, shop.inventory.received().size());
  }

  @Test
  void holdsTheTimeoutForARequestThatWaitedForAConnectionToo() throws Exception {
    shop.users.mode(Mode.HANG);
    GatewayHarness gateway =
        gateway(Map.of("users", Duration.ofSeconds(1)), NO_BREAKER, Clock.systemUTC());
    List<CompletableFuture<ProcessedResponse>> holding = new java.util.ArrayList<>();
    for (int i = 0; i < GatewayHarness.POOL_SIZE; i++) {
      // Different operations, so that in-flight deduplication does not merge them into one fetch.
      holding.add(gateway.process("{ me" + i + ": me { name } }"));
    }
    shop.users.awaitReceived(GatewayHarness.POOL_SIZE, Duration.ofSeconds(5));

    // This one waits for a connection until the others time out, then for its own answer: with
    // WebClient's timeout alone that is nearly two timeouts, with the gateway's deadline one.
    long started = System.nanoTime();
    Map<String, Object> body = gateway.process("{ me { name } }").get(10, TimeUnit.SECONDS).body();
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertEquals("TIMEOUT", reason(body));
    assertTrue(millis < 1500, "answered after " + millis + " ms");
    for (CompletableFuture<ProcessedResponse> other : holding) {
      assertEquals("TIMEOUT", reason(other.get(10, TimeUnit.SECONDS).body()));
    }
  }

  @Test
  void reportsAFailedEntityFetchAtTheEntityWhenItWasToProvideSeveralFields() throws Exception {
    shop.inventory.mode(Mode.FAIL);
    GatewayHarness gateway = gateway(Map.of(), NO_BREAKER, Clock.systemUTC());

    Map<String, Object> body =
        run(gateway, "{ topProducts(first: 1) { name inStock shippingEstimate } }");

    assertEquals(
        json(
            """
            {"errors": [
              {"message": "Subgraph 'inventory' is unavailable: it did not answer with a GraphQL response.",
               "path": ["topProducts", 0],
               "extensions": {"code": "UNAVAILABLE", "serviceName": "inventory", "reason": "INVALID_RESPONSE"}}],
             "data": {"topProducts": [{"name": "Table", "inStock": null, "shippingEstimate": null}]}}
            """),
        body);
  }

  @Test
  void reportsAFailedRootFetchAtItsRootFieldAndKeepsTheOthers() throws Exception {
    shop.users.mode(Mode.FAIL);
    GatewayHarness gateway = gateway(Map.of(), NO_BREAKER, Clock.systemUTC());

    Map<String, Object> body = run(gateway, "{ topProducts(first: 1) { name } me { username } }");

    assertEquals(
        json(
            """
            {"errors": [
              {"message": "Subgraph 'users' is unavailable: it did not answer with a GraphQL response.",
               "path": ["me"],
               "extensions": {"code": "UNAVAILABLE", "serviceName": "users", "reason": "INVALID_RESPONSE"}}],
             "data": {"topProducts": [{"name": "Table"}], "me": null}}
            """),
        body);
  }

  @Test
  void namesThePathOfANonNullFieldThatANullEntityLeftEmpty() throws Exception {
    shop.reviews.mode(Mode.NULL_ENTITIES);
    GatewayHarness gateway = gateway(Map.of(), NO_BREAKER, Clock.systemUTC());

    assertEquals(
        json(
            """
            {"errors": [
              {"message": "Cannot return null for non-nullable field User.reviews.",
               "path": ["me", "reviews"],
               "extensions": {"code": "INTERNAL"}}],
             "data": {"me": null}}
            """),
        run(gateway, "{ me { name reviews { body } } }"));
  }

  @Test
  void neverAnswersDataNullWithoutAnError() throws Exception {
    shop.reviews.mode(Mode.NULL_ENTITIES);
    GatewayHarness gateway = gateway(Map.of(), NO_BREAKER, Clock.systemUTC());

    Map<String, Object> body = run(gateway, "{ topProducts(first: 2) { name reviews { body } } }");

    assertEquals(
        json(
            """
            {"errors": [
              {"message": "Cannot return null for non-nullable field Product.reviews.",
               "path": ["topProducts", 0, "reviews"],
               "extensions": {"code": "INTERNAL"}}],
             "data": null}
            """),
        body,
        "the non-null list holds a product that cannot be whole: data is null, and says why");
  }

  @Test
  void opensTheBreakerAfterFailuresAndThenFailsAtOnceWithoutCallingTheSubgraph() throws Exception {
    shop.users.mode(Mode.FAIL);
    GatewayHarness gateway = gateway(Map.of(), QUICK_BREAKER, new TestClock());
    String query = "{ me { name } }";

    assertEquals("INVALID_RESPONSE", reason(run(gateway, query)));
    assertEquals("INVALID_RESPONSE", reason(run(gateway, query)));
    assertEquals(2, shop.users.received().size());
    assertEquals(CircuitBreaker.State.OPEN, gateway.client.state("users"));

    CompletableFuture<ProcessedResponse> rejected = gateway.process(query);
    assertTrue(rejected.isDone(), "an open breaker answers without waiting for any I/O");
    Map<String, Object> body = rejected.get().body();
    assertEquals(
        json(
            """
            {"errors": [
              {"message": "Subgraph 'users' is unavailable: its circuit breaker is open after recent failures.",
               "path": ["me"],
               "extensions": {"code": "UNAVAILABLE", "serviceName": "users", "reason": "CIRCUIT_OPEN"}}],
             "data": {"me": null}}
            """),
        body);
    assertEquals(2, shop.users.received().size(), "the open breaker sent nothing");
    assertEquals(2.0, gauge(gateway, "users"));
    assertEquals(
        1.0, gateway.registry.counter("gateway.subgraph.rejected", "subgraph", "users").count());
  }

  @Test
  void failsFastWhileASubgraphHangsOnceTheBreakerIsOpen() throws Exception {
    shop.users.mode(Mode.HANG);
    GatewayHarness gateway =
        gateway(Map.of("users", Duration.ofMillis(200)), QUICK_BREAKER, new TestClock());
    String query = "{ topProducts(first: 1) { name } me { name } }";

    assertEquals("TIMEOUT", reason(run(gateway, query)));
    assertEquals("TIMEOUT", reason(run(gateway, query)));

    CompletableFuture<ProcessedResponse> fast = gateway.process("{ me { name } }");
    assertTrue(fast.isDone(), "no request waits for the hung subgraph once the breaker is open");
    assertEquals("CIRCUIT_OPEN", reason(fast.get().body()));
    Map<String, Object> partial = run(gateway, query);
    assertEquals(
        json("{\"topProducts\": [{\"name\": \"Table\"}], \"me\": null}"), partial.get("data"));
    assertEquals(2, shop.users.received().size());
  }

  @Test
  void letsOneProbeThroughAfterTheOpenPeriodAndClosesWhenTheSubgraphRecovered() throws Exception {
    shop.users.mode(Mode.FAIL);
    TestClock clock = new TestClock();
    GatewayHarness gateway = gateway(Map.of(), QUICK_BREAKER, clock);
    String query = "{ me { name } }";
    run(gateway, query);
    run(gateway, query);
    assertEquals(CircuitBreaker.State.OPEN, gateway.client.state("users"));

    shop.users.mode(Mode.ANSWER);
    clock.advance(Duration.ofMillis(900));
    assertEquals("CIRCUIT_OPEN", reason(run(gateway, query)), "still inside the open period");
    assertEquals(2, shop.users.received().size());

    clock.advance(Duration.ofMillis(200));
    assertEquals(json("{\"data\": {\"me\": {\"name\": \"Alice\"}}}"), run(gateway, query));
    assertEquals(3, shop.users.received().size(), "the probe reached the subgraph");
    assertEquals(CircuitBreaker.State.CLOSED, gateway.client.state("users"));
    assertEquals(0.0, gauge(gateway, "users"));
    assertEquals(json("{\"data\": {\"me\": {\"name\": \"Alice\"}}}"), run(gateway, query));
    assertEquals(4, shop.users.received().size());
  }

  @Test
  void opensAgainWhenTheProbeFails() throws Exception {
    shop.users.mode(Mode.FAIL);
    TestClock clock = new TestClock();
    GatewayHarness gateway = gateway(Map.of(), QUICK_BREAKER, clock);
    String query = "{ me { name } }";
    run(gateway, query);
    run(gateway, query);

    clock.advance(Duration.ofMillis(1100));
    assertEquals("INVALID_RESPONSE", reason(run(gateway, query)), "the probe was sent and failed");
    assertEquals(3, shop.users.received().size());
    assertEquals(CircuitBreaker.State.OPEN, gateway.client.state("users"));
    assertEquals("CIRCUIT_OPEN", reason(run(gateway, query)));
    assertEquals(3, shop.users.received().size());
  }

  @Test
  void keepsEachSubgraphsBreakerToItself() throws Exception {
    shop.users.mode(Mode.FAIL);
    GatewayHarness gateway = gateway(Map.of(), QUICK_BREAKER, new TestClock());
    run(gateway, "{ me { name } }");
    run(gateway, "{ me { name } }");

    assertEquals(
        json("{\"data\": {\"topProducts\": [{\"name\": \"Table\", \"inStock\": true}]}}"),
        run(gateway, "{ topProducts(first: 1) { name inStock } }"));
    assertEquals(CircuitBreaker.State.CLOSED, gateway.client.state("inventory"));
  }

  @SuppressWarnings("unchecked")
  private static String reason(Map<String, Object> body) {
    List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
    assertNotNull(errors, "an error was expected: " + body);
    return (String) ((Map<String, Object>) errors.getFirst().get("extensions")).get("reason");
  }

  private static double gauge(GatewayHarness gateway, String subgraph) {
    return gateway
        .registry
        .get("gateway.subgraph.circuit.state")
        .tag("subgraph", subgraph)
        .gauge()
        .value();
  }
}
