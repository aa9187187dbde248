package dev.podgraph.gateway.supergraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.ShopSubgraphs;
import dev.podgraph.gateway.fixture.Supergraphs;
import dev.podgraph.gateway.schema.GatewaySchema;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The supergraph check against the shop's four subgraphs, asked over HTTP. */
class SubgraphSchemaCheckTest {
  private static Vertx vertx;
  private static ShopSubgraphs shop;
  private static Supergraph supergraph;
  private static String productsSdl;
  private final SubgraphSdlClient client = new SubgraphSdlClient(Duration.ofSeconds(2));

  @BeforeAll
  static void startTheSubgraphs() {
    vertx = Vertx.vertx();
    shop = new ShopSubgraphs(vertx);
    supergraph = GatewaySchema.of(Supergraphs.load("shop", shop.urls())).supergraph();
    productsSdl = shop.products.servedSdl();
  }

  @AfterEach
  void serveTheOriginalSdl() {
    shop.products.serveSdl(productsSdl);
  }

  @AfterAll
  static void stop() {
    shop.close();
    vertx.close();
  }

  @Test
  void subgraphsThatServeEverythingTheSupergraphRoutesPass() {
    assertEquals(Map.of(), SubgraphSchemaCheck.check(supergraph, client::sdl));
  }

  @Test
  void aFieldTheSubgraphDoesNotServeIsReportedWithItsType() {
    shop.products.serveSdl(
        productsSdl.replace("upc: String! name: String price", "upc: String! price"));
    assertEquals(
        Map.of("products", List.of("field Product.name: String")),
        SubgraphSchemaCheck.check(supergraph, client::sdl));
  }

  @Test
  void aFieldOfAnotherTypeIsReported() {
    shop.products.serveSdl(productsSdl.replace("price: Int", "price: Float"));
    assertEquals(
        Map.of("products", List.of("field Product.price: Int (serves Float)")),
        SubgraphSchemaCheck.check(supergraph, client::sdl));
  }

  @Test
  void aMissingTypeIsReportedOnce() {
    shop.products.serveSdl(productsSdl.replace("type Brand { name: String! }", ""));
    assertEquals(
        Map.of("products", List.of("type Brand")),
        SubgraphSchemaCheck.check(supergraph, client::sdl));
  }

  @Test
  void aSubgraphMayServeMoreThanTheSupergraphKnows() {
    shop.products.serveSdl(productsSdl.replace("price: Int", "price: Int color: String"));
    assertEquals(Map.of(), SubgraphSchemaCheck.check(supergraph, client::sdl));
  }

  @Test
  void anUnreachableOrNonGraphQLSubgraphFailsTheCheck() {
    Supergraph nowhere = GatewaySchema.of(Supergraphs.load("shop")).supergraph();
    InvalidSupergraphException e =
        assertThrows(
            InvalidSupergraphException.class,
            () -> SubgraphSchemaCheck.check(nowhere, client::sdl));
    assertTrue(e.getMessage().contains(".invalid/graphql"), e.getMessage());
  }

  @Test
  void anSdlThatDoesNotParseFailsTheCheck() {
    shop.products.serveSdl("type Product {");
    InvalidSupergraphException e =
        assertThrows(
            InvalidSupergraphException.class,
            () -> SubgraphSchemaCheck.check(supergraph, client::sdl));
    assertTrue(e.getMessage().contains("products"), e.getMessage());
  }
}
