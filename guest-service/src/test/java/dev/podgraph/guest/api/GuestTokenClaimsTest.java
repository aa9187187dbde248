package dev.podgraph.guest.api;

import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static dev.podgraph.devinfra.GraphQLAssured.withToken;
import static dev.podgraph.guest.GuestFixtures.CREATE;
import static dev.podgraph.guest.GuestFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.podgraph.devinfra.DevTokens;
import dev.podgraph.guest.GuestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** guest-service applies common's token claim rules: refused whole, nothing written. */
@QuarkusTest
@WithTestResource(GuestInfra.class)
class GuestTokenClaimsTest {

  @Test
  void refusesATokenIssuedAYearFromNow() {
    refusedAndNothingWritten(
        DevTokens.withClaims(Map.of("iat", Instant.now().plus(Duration.ofDays(365)))));
  }

  @Test
  void refusesGroupsGivenAsAString() {
    refusedAndNothingWritten(DevTokens.withClaims(Map.of("groups", "editor")));
  }

  private static void refusedAndNothingWritten(String token) {
    String slug = "claims-" + unique();
    withToken(token, CREATE, Map.of("input", Map.of("name", "Forged Claims", "slug", slug)))
        .statusCode(401)
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    asEditor("query($s: String!) { guest(slug: $s) { id } }", Map.of("s", slug))
        .statusCode(200)
        .body("data.guest", nullValue());
  }
}
