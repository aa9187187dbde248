package dev.podgraph.catalog.api;

import static dev.podgraph.devinfra.GraphQLAssured.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import dev.podgraph.catalog.CatalogInfra;
import dev.podgraph.devinfra.SubgraphHostileCheck;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * catalog-service called directly with the hostile corpus: malformed envelopes (generated), the
 * requests every subgraph must refuse (devinfra's {@code podgraph/hostile/subgraph.json}) and
 * catalog's own ({@code hostile/catalog.json}). Each gets a 4xx or a coded error within a second,
 * no ERROR line or stack trace is logged, and the service stays ready.
 */
@QuarkusTest
@WithTestResource(CatalogInfra.class)
class CatalogHostileInputTest {
  @TestHTTPResource("/graphql")
  URI endpoint;

  @Test
  void everyHostileRequestGetsACodedRefusalQuicklyAndTheServiceStaysReady() {
    // A real query first: the corpus times answers, not the first request's class loading.
    post("{ episodes(first: 1) { totalCount } }").statusCode(200).body("errors", nullValue());
    SubgraphHostileCheck.assertRefusesEverything(
        "catalog-service", endpoint, "{ show { title } }", "hostile/catalog.json");
    given().when().get("/q/health/ready").then().statusCode(200);
  }
}
