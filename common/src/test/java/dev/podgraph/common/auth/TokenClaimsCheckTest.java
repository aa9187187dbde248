package dev.podgraph.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenClaimsCheckTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TokenClaimsCheck check =
      new TokenClaimsCheck(() -> Duration.ofSeconds(60), Clock.systemUTC());

  private String problem(String claims) throws Exception {
    JsonNode node = JSON.readTree(claims);
    return check.problemWith(node, NOW);
  }

  @Test
  void acceptsAnArrayOfGroupsAndAnIatUpToTheSkewAhead() throws Exception {
    long iat = NOW.plusSeconds(60).getEpochSecond();
    assertNull(problem("{\"groups\":[\"editor\"],\"iat\":" + iat + "}"));
    assertNull(problem("{\"sub\":\"no groups, no iat\"}"));
  }

  @Test
  void refusesAnIatBeyondTheSkew() throws Exception {
    long iat = NOW.plusSeconds(61).getEpochSecond();
    assertEquals("iat lies in the future", problem("{\"iat\":" + iat + "}"));
    assertEquals("iat is not a number", problem("{\"iat\":\"soon\"}"));
  }

  @Test
  void refusesGroupsThatAreNotAnArrayOfStrings() throws Exception {
    assertEquals("groups is not a JSON array", problem("{\"groups\":\"editor\"}"));
    assertEquals(
        "groups holds something other than strings", problem("{\"groups\":[[\"editor\"]]}"));
    assertEquals("groups holds something other than strings", problem("{\"groups\":[1]}"));
  }

  @Test
  void refusesClaimsThatAreNotAnObject() throws Exception {
    assertEquals("the token's claims are not a JSON object", problem("[]"));
  }
}
