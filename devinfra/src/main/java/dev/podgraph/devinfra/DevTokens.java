package dev.podgraph.devinfra;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mints JWTs signed with the development key pair (never used in production, where the services
 * verify tokens with {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}). Run {@code main} to print an editor
 * token for local use.
 */
public final class DevTokens {
  public static final String ISSUER = "https://podgraph.dev/issuer";
  public static final String EDITOR = "editor";
  private static final String PRIVATE_KEY = "podgraph/dev-jwt/privateKey.pem";

  private DevTokens() {}

  public static String editor() {
    return token("dev-editor", Set.of(EDITOR), Duration.ofHours(12));
  }

  /** A valid token without the editor role: authenticated but not allowed to write. */
  public static String reader() {
    return token("dev-reader", Set.of("reader"), Duration.ofHours(12));
  }

  public static String token(String subject, Set<String> groups, Duration lifetime) {
    return Jwt.issuer(ISSUER)
        .subject(subject)
        .upn(subject)
        .groups(groups)
        .expiresIn(lifetime)
        .sign(privateKey());
  }

  /**
   * An editor token whose claims are {@link #editorClaims()} with {@code overrides} put over them
   * (a value of {@code null} removes the claim), signed with the development key: for tests of what
   * the services accept, e.g. {@code withClaims(Map.of("groups", "editor"))} (a string, not an
   * array) or an {@code iat} in the future. Claims are written as given: a String stays a JSON
   * string, a List a JSON array, an Instant becomes seconds since the epoch.
   */
  public static String withClaims(Map<String, ?> overrides) {
    Map<String, Object> claims = new LinkedHashMap<>(editorClaims());
    overrides.forEach(
        (name, value) -> {
          if (value == null) {
            claims.remove(name);
          } else {
            claims.put(name, value instanceof Instant i ? i.getEpochSecond() : value);
          }
        });
    JwtClaimsBuilder builder = Jwt.claims();
    claims.forEach(builder::claim);
    return builder.sign(privateKey());
  }

  /** The claims of {@link #editor()}, issued now and valid for an hour. */
  public static Map<String, Object> editorClaims() {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", "dev-editor");
    claims.put("upn", "dev-editor");
    claims.put("groups", List.of(EDITOR));
    claims.put("iat", now);
    claims.put("exp", now + 3600);
    return claims;
  }

  private static PrivateKey privateKey() {
    try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(PRIVATE_KEY)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + PRIVATE_KEY + " on the classpath");
      }
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      byte[] der = Base64.getDecoder().decode(base64);
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Unreadable development key", e);
    }
  }

  public static void main(String[] args) {
    System.out.println(editor());
  }
}
