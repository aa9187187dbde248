package dev.podgraph.catalog.api;

import static dev.podgraph.catalog.EpisodeFixtures.CREATE;
import static dev.podgraph.catalog.EpisodeFixtures.input;
import static dev.podgraph.catalog.EpisodeFixtures.nextNumber;
import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static dev.podgraph.devinfra.GraphQLAssured.withToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.podgraph.catalog.CatalogInfra;
import dev.podgraph.devinfra.DevTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Correctly signed tokens whose claims break the rules common's TokenClaimsCheck applies are
 * refused whole (HTTP 401, UNAUTHENTICATED) and write nothing.
 */
@QuarkusTest
@WithTestResource(CatalogInfra.class)
class TokenClaimsTest {
  private static final String BY_NUMBER = "query($n: Int) { episode(number: $n) { id } }";

  @Test
  void refusesATokenIssuedAYearFromNow() {
    String token = DevTokens.withClaims(Map.of("iat", Instant.now().plus(Duration.ofDays(365))));
    refusedAndNothingWritten(token);
  }

  @Test
  void refusesATokenIssuedBeyondTheClockSkew() {
    String token = DevTokens.withClaims(Map.of("iat", Instant.now().plusSeconds(120)));
    refusedAndNothingWritten(token);
  }

  @Test
  void acceptsATokenIssuedWithinTheClockSkew() {
    String token = DevTokens.withClaims(Map.of("iat", Instant.now().plusSeconds(30)));
    int number = nextNumber();
    withToken(token, CREATE, Map.of("input", input(number, "Skewed clock", "tokens")))
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.createEpisode.number", equalTo(number));
  }

  @Test
  void refusesGroupsGivenAsAStringInsteadOfAnArray() {
    refusedAndNothingWritten(DevTokens.withClaims(Map.of("groups", "editor")));
  }

  @Test
  void refusesAStringGroupsClaimEvenForReads() {
    withToken(DevTokens.withClaims(Map.of("groups", "editor")), BY_NUMBER, Map.of("n", 1))
        .statusCode(401)
        .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
  }

  private static void refusedAndNothingWritten(String token) {
    int number = nextNumber();
    withToken(token, CREATE, Map.of("input", input(number, "Forged claims", "tokens")))
        .statusCode(401)
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    asEditor(BY_NUMBER, Map.of("n", number)).statusCode(200).body("data.episode", nullValue());
  }
}
