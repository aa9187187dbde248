package dev.podgraph.catalog.api;

import static dev.podgraph.devinfra.GraphQLAssured.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.catalog.CatalogInfra;
import dev.podgraph.devinfra.HostileCorpus;
import dev.podgraph.devinfra.HostileCorpus.Case;
import dev.podgraph.devinfra.HostileCorpus.Outcome;
import dev.podgraph.devinfra.LogCapture;
import dev.podgraph.rules.ErrorCode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
  private static final Set<String> CODES =
      Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

  @TestHTTPResource("/graphql")
  URI endpoint;

  static List<Case> corpus() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(HostileCorpus.envelopes("{ show { title } }", 2 * 1024 * 1024));
    cases.addAll(HostileCorpus.load("podgraph/hostile/subgraph.json"));
    cases.addAll(HostileCorpus.load("hostile/catalog.json"));
    return cases;
  }

  @Test
  void everyHostileRequestGetsACodedRefusalQuicklyAndTheServiceStaysReady() {
    List<Case> cases = corpus();
    // A real query first: the corpus times answers, not the first request's class loading.
    post("{ episodes(first: 1) { totalCount } }").statusCode(200).body("errors", nullValue());
    List<Outcome> outcomes;
    List<String> logged;
    try (LogCapture log = new LogCapture()) {
      outcomes = HostileCorpus.run(endpoint, cases, CODES);
      logged = log.errorsAndStackTraces();
    }
    assertEquals(List.of(), HostileCorpus.failures(outcomes));
    assertEquals(List.of(), logged, "client mistakes log no ERROR and no stack trace");
    assertTrue(outcomes.size() >= 100, outcomes.size() + " requests");
    long slowest = outcomes.stream().mapToLong(Outcome::millis).max().orElse(0);
    System.out.printf(
        "catalog-service: %d hostile requests, slowest %d ms%n", outcomes.size(), slowest);
    given().when().get("/q/health/ready").then().statusCode(200);
  }
}
