package dev.podgraph.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.podgraph.gateway.execute.PlanExecutor;
import dev.podgraph.gateway.fixture.FixtureSubgraph;
import dev.podgraph.gateway.fixture.GatewayHarness;
import dev.podgraph.gateway.fixture.ShopSubgraphs;
import dev.podgraph.gateway.fixture.Supergraphs;
import dev.podgraph.gateway.http.GatewayMetrics;
import dev.podgraph.gateway.http.GraphQLRequest;
import dev.podgraph.gateway.http.RequestProcessor;
import dev.podgraph.gateway.http.ServingState;
import dev.podgraph.gateway.schema.GatewaySchema;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entity/response cache in the whole pipeline, over the shop fixture subgraphs: each test gets
 * a cache of its own and counts what reached the subgraphs. Answers are compared with those of the
 * same pipeline without the cache.
 */
class EntityCacheTest {
  private static final Duration TTL = Duration.ofSeconds(60);
  private static Vertx vertx;
  private static ShopSubgraphs shop;
  private static GatewayHarness plain;
  private static String supergraph;

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private RequestProcessor cached;
  private EntityCachingSubgraphClient cache;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    shop = new ShopSubgraphs(vertx);
    supergraph = Supergraphs.load("shop", shop.urls());
    plain = new GatewayHarness(vertx, supergraph, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    shop.close();
    vertx.close();
  }

  @BeforeEach
  void freshCache() {
    use(new EntityCacheSettings(true, TTL, true, 1000, Map.of(), Map.of()));
  }

  private void use(EntityCacheSettings settings) {
    cache =
        new EntityCachingSubgraphClient(
            plain.client, settings, new CacheMeters(plain.registry), ticker);
    ServingState state = new ServingState(GatewaySchema.of(supergraph), 100);
    cached =
        new RequestProcessor(
            () -> state,
            new PlanExecutor(cache),
            new GatewayHarness.Limits(32, 64, 500),
            new GatewayMetrics(plain.registry));
    shop.forget();
  }

  private Map<String, Object> run(String query, Map<String, String> headers) {
    try {
      return cached
          .process(new GraphQLRequest(query, null, Map.of(), false), headers)
          .get(20, TimeUnit.SECONDS)
          .body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> run(String query) {
    return run(query, Map.of());
  }

  private static int sent(FixtureSubgraph subgraph) {
    return subgraph.received().size();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> representations(FixtureSubgraph subgraph, int request) {
    return (List<Object>) subgraph.received().get(request).variables().get("representations");
  }

  private static double counted(String name, String subgraph, String kind) {
    var counter = plain.registry.find(name).tag("subgraph", subgraph).tag("kind", kind).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aRepeatedQueryIsAnsweredWithoutAnySubgraphFetch() {
    String query = "{ topProducts { upc name inStock } }";
    double entityHits = counted("gateway.cache.hits", "inventory", "entity");
    Map<String, Object> first = run(query);
    Map<String, Object> second = run(query);
    assertEquals(1, sent(shop.products));
    assertEquals(1, sent(shop.inventory));
    assertEquals(first, second);
    assertEquals(plain.execute(query).body(), second, "the answer the uncached pipeline gives");
    assertEquals(3, counted("gateway.cache.hits", "inventory", "entity") - entityHits, 0.0);
    assertTrue(counted("gateway.cache.hits", "products", "root") >= 1);
  }

  @Test
  void anEntityFetchSendsOnlyTheRepresentationsNoEntryAnswers() {
    run("{ topProducts(first: 2) { upc inStock } }");
    Map<String, Object> three = run("{ topProducts(first: 3) { upc inStock } }");
    assertEquals(2, sent(shop.inventory));
    assertEquals(
        List.of(Map.of("__typename", "Product", "upc", "3")), representations(shop.inventory, 1));
    assertEquals(plain.execute("{ topProducts(first: 3) { upc inStock } }").body(), three);
  }

  @Test
  void anEntityWithAnErrorIsFetchedAgainAndItsErrorKeepsItsPath() {
    String query = "{ topProducts { upc reviews { body author { name } } } }";
    Map<String, Object> first = run(query);
    Map<String, Object> second = run(query);
    assertEquals(2, sent(shop.users));
    assertEquals(
        List.of(Map.of("__typename", "User", "id", "u2")),
        representations(shop.users, 1),
        "u1 came from the cache; u2's answer had an error and was not kept");
    assertEquals(first, second);
    assertTrue(second.get("errors").toString().contains("name of u2 is private"));
    assertEquals(plain.execute(query).body(), second);
  }

  @Test
  void aMutationDropsItsSubgraphsEntriesAndTheEntityItReturnedEverywhere() {
    String query = "{ me { id reviews { body } } }";
    run(query);
    run(query);
    assertEquals(1, sent(shop.users));
    assertEquals(1, sent(shop.reviews));

    run("mutation { rename(name: \"Alicia\") { id } }");
    run(query);
    assertEquals(3, sent(shop.users), "the mutation, then me again");
    assertEquals(2, sent(shop.reviews), "User u1's entry in reviews went with the mutation");
    run(query);
    assertEquals(3, sent(shop.users));
    assertEquals(2, sent(shop.reviews));
    assertTrue(plain.registry.find("gateway.cache.invalidations").counter().count() >= 1);
  }

  @Test
  void mutationsAreNeverCached() {
    String mutation = "mutation { addReview(upc: \"1\", body: \"again\") { body } }";
    run(mutation);
    run(mutation);
    assertEquals(2, sent(shop.reviews));
  }

  @Test
  void authenticatedCallersNeverShareEntriesWithAnyoneElse() {
    String query = "{ me { name } }";
    run(query, Map.of("authorization", "Bearer alice"));
    run(query, Map.of("authorization", "Bearer alice"));
    assertEquals(1, sent(shop.users));
    run(query, Map.of("authorization", "Bearer bob"));
    assertEquals(2, sent(shop.users));
    run(query);
    assertEquals(3, sent(shop.users), "an authenticated caller's entry never answers anonymously");
    run(query);
    assertEquals(3, sent(shop.users), "anonymous callers share public entries");
  }

  @Test
  void privateScopeIsNeverCachedForAnonymousCallers() {
    use(
        new EntityCacheSettings(
            true,
            TTL,
            true,
            1000,
            Map.of("users", EntityCacheSettings.Policy.of(null, CacheScope.PRIVATE)),
            Map.of()));
    String query = "{ me { name } }";
    run(query);
    run(query);
    assertEquals(2, sent(shop.users));
    run(query, Map.of("authorization", "Bearer alice"));
    run(query, Map.of("authorization", "Bearer alice"));
    assertEquals(3, sent(shop.users));
  }

  @Test
  void entriesLiveForTheTtlOfTheirTypeOrSubgraph() {
    use(
        new EntityCacheSettings(
            true,
            TTL,
            true,
            1000,
            Map.of(
                "products", EntityCacheSettings.Policy.of(Duration.ZERO, null),
                "users", EntityCacheSettings.Policy.of(Duration.ofSeconds(30), null)),
            Map.of("Product", EntityCacheSettings.Policy.of(Duration.ofSeconds(5), null))));
    String query = "{ topProducts { upc inStock reviews { body author { id } } } me { name } }";
    run(query);
    run(query);
    assertEquals(2, sent(shop.products), "products' TTL of zero: not cached");
    assertEquals(1, sent(shop.inventory));
    assertEquals(1, sent(shop.reviews));
    assertEquals(1, sent(shop.users));

    nanos.addAndGet(Duration.ofSeconds(6).toNanos());
    run(query);
    assertEquals(2, sent(shop.inventory), "Product's TTL, 5 s, has run out in inventory");
    assertEquals(2, sent(shop.reviews), "and in reviews (the type's TTL over the subgraph's)");
    assertEquals(1, sent(shop.users), "users' own TTL, 30 s, has not");
    nanos.addAndGet(Duration.ofSeconds(30).toNanos());
    run(query);
    assertEquals(2, sent(shop.users), "now it has");
  }
}
