package dev.podgraph.guest.api;

import static dev.podgraph.devinfra.GraphQLAssured.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import dev.podgraph.devinfra.SubgraphHostileCheck;
import dev.podgraph.guest.GuestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * guest-service called directly with the hostile corpus: malformed envelopes (generated), the
 * requests every subgraph must refuse (devinfra's {@code podgraph/hostile/subgraph.json}) and
 * guest-service's own ({@code hostile/guest.json}). Each gets a 4xx or a coded error within a
 * second, no ERROR line or stack trace is logged, and the service stays ready.
 */
@QuarkusTest
@WithTestResource(GuestInfra.class)
class GuestHostileInputTest {
  @TestHTTPResource("/graphql")
  URI endpoint;

  @Test
  void everyHostileRequestGetsACodedRefusalQuicklyAndTheServiceStaysReady() {
    // A real query first: the corpus times answers, not the first request's class loading.
    post("{ guests(first: 1) { totalCount } }").statusCode(200).body("errors", nullValue());
    SubgraphHostileCheck.assertRefusesEverything(
        "guest-service", endpoint, "{ guests(first: 1) { totalCount } }", "hostile/guest.json");
    given().when().get("/q/health/ready").then().statusCode(200);
  }
}
