package dev.podgraph.devinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalInfraTest {

  @Test
  void recreatingADatabaseLeavesItEmpty() throws SQLException {
    PostgresServer pg = LocalPostgres.server();
    String url = LocalPostgres.recreateDatabase("devinfra_selftest");
    try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE leftover (id int)");
    }
    LocalPostgres.recreateDatabase("devinfra_selftest");
    try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename='leftover'")) {
      rs.next();
      assertEquals(0, rs.getInt(1));
    }
  }

  @Test
  void ensuringADatabaseTwiceKeepsItsData() throws SQLException {
    PostgresServer pg = LocalPostgres.server();
    String url = LocalPostgres.recreateDatabase("devinfra_selftest_keep");
    try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (id int)");
    }
    assertEquals(url, LocalPostgres.ensureDatabase("devinfra_selftest_keep"));
    try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename='kept'")) {
      rs.next();
      assertEquals(1, rs.getInt(1));
    }
  }

  @Test
  void refusesDatabaseNamesThatAreNotPlainIdentifiers() {
    assertThrows(
        IllegalArgumentException.class, () -> LocalPostgres.recreateDatabase("x; DROP TABLE y"));
  }

  @Test
  void embeddedPostgresRunsRealPostgres() throws Exception {
    // The path a laptop without PostgreSQL takes: real binaries from Maven Central.
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version_num")) {
      rs.next();
      assertTrue(rs.getInt(1) >= 100000, "a PostgreSQL server answered");
    }
  }

  @Test
  void throwawayRedisStopsAndStartsOnItsPort() {
    ThrowawayRedis redis = ThrowawayRedis.start();
    try {
      RedisServerAddress address = new RedisServerAddress("127.0.0.1", redis.port(), true);
      LocalRedis.flushDatabase(address, 3);
      redis.stop();
      assertFalse(Ports.reachable("127.0.0.1", redis.port()));
      redis.restart();
      assertTrue(Ports.reachable("127.0.0.1", redis.port()));
      LocalRedis.flushDatabase(address, 3);
    } finally {
      redis.stop();
    }
  }

  @Test
  void editorTokensCarryTheIssuerAndTheEditorGroup() {
    String[] parts = DevTokens.editor().split("\\.");
    assertEquals(3, parts.length);
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    assertTrue(payload.contains("\"iss\":\"" + DevTokens.ISSUER + "\""), payload);
    assertTrue(payload.contains("\"groups\":[\"editor\"]"), payload);
  }

  @Test
  void tokensWithCustomClaimsCarryThemAsGiven() {
    long future = Instant.now().plusSeconds(86_400).getEpochSecond();
    String token =
        DevTokens.withClaims(Map.of("groups", "editor", "iat", Instant.ofEpochSecond(future)));
    String payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    assertTrue(payload.contains("\"groups\":\"editor\""), payload);
    assertTrue(payload.contains("\"iat\":" + future), payload);
    assertTrue(payload.contains("\"iss\":\"" + DevTokens.ISSUER + "\""), payload);
  }
}
