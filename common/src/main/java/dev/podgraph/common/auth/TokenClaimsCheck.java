package dev.podgraph.common.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * The claim rules smallrye-jwt does not apply itself, checked on every token it has verified
 * (signature, issuer, expiry): {@code iat}, when present, is not later than now plus {@link
 * TokenRules#issuedAtSkew()}, and {@code groups}, when present, is a JSON array of strings (a plain
 * string would otherwise be split into role names). A token that breaks one is refused as a whole
 * with {@link AuthenticationFailedException}, which {@link AuthFailureResponder} answers with HTTP
 * 401 and a GraphQL error coded {@code UNAUTHENTICATED}.
 */
@ApplicationScoped
public class TokenClaimsCheck implements SecurityIdentityAugmentor {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TokenRules rules;
  private final Clock clock;

  TokenClaimsCheck(TokenRules rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    TokenCredential token = identity.getCredential(TokenCredential.class);
    if (token == null || token.getToken() == null) {
      return Uni.createFrom().item(identity);
    }
    String problem = problemWith(claimsOf(token.getToken()), clock.instant());
    return problem == null
        ? Uni.createFrom().item(identity)
        : Uni.createFrom().failure(new AuthenticationFailedException(problem));
  }

  /** Null when the claims keep the rules; otherwise what is wrong, for the log, not the client. */
  String problemWith(JsonNode claims, Instant now) {
    if (claims == null || !claims.isObject()) {
      return "the token's claims are not a JSON object";
    }
    JsonNode iat = claims.get("iat");
    if (iat != null) {
      if (!iat.isNumber()) {
        return "iat is not a number";
      }
      if (iat.asLong() > now.plus(rules.issuedAtSkew()).getEpochSecond()) {
        return "iat lies in the future";
      }
    }
    JsonNode groups = claims.get("groups");
    if (groups != null) {
      if (!groups.isArray()) {
        return "groups is not a JSON array";
      }
      for (JsonNode group : groups) {
        if (!group.isTextual()) {
          return "groups holds something other than strings";
        }
      }
    }
    return null;
  }

  private static JsonNode claimsOf(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return null;
    }
    try {
      return JSON.readTree(
          new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
