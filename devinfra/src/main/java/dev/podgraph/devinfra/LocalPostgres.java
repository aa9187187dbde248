package dev.podgraph.devinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.postgresql.Driver;

/**
 * Finds the PostgreSQL server for development and tests: the one named by {@code PODGRAPH_PG_HOST}
 * / {@code PODGRAPH_PG_PORT}, else the machine's own on 127.0.0.1:5432 when it answers, else an
 * embedded one (real PostgreSQL binaries from Maven Central, via zonky) started once per JVM.
 */
public final class LocalPostgres {
  private static final Logger LOG = Logger.getLogger(LocalPostgres.class);
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static PostgresServer server;
  private static EmbeddedPostgres embedded;

  private LocalPostgres() {}

  /** The server, starting an embedded one (kept until the JVM exits) if none is reachable. */
  public static synchronized PostgresServer server() {
    if (server == null) {
      server = locate(null);
    }
    return server;
  }

  /**
   * Like {@link #server()}, but an embedded server keeps its data in {@code dataDirectory}, so a
   * second run of the run command finds what the first one stored.
   */
  public static synchronized PostgresServer server(Path dataDirectory) {
    if (server == null) {
      server = locate(dataDirectory);
    }
    return server;
  }

  private static PostgresServer locate(Path dataDirectory) {
    String host = Ports.env("PODGRAPH_PG_HOST", "127.0.0.1");
    int port = Ports.envInt("PODGRAPH_PG_PORT", 5432);
    String user = Ports.env("PODGRAPH_PG_USER", "postgres");
    String password = Ports.env("PODGRAPH_PG_PASSWORD", "");
    if (Ports.reachable(host, port)) {
      LOG.infof("Using the PostgreSQL server at %s:%d", host, port);
      return new PostgresServer(host, port, user, password, false);
    }
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(Ports.free());
      if (dataDirectory != null) {
        Files.createDirectories(dataDirectory);
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      embedded = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(LocalPostgres::stopEmbedded));
      LOG.infof(
          "No PostgreSQL at %s:%d: started an embedded one on port %d",
          host, port, embedded.getPort());
      return new PostgresServer("127.0.0.1", embedded.getPort(), "postgres", "", true);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
    }
  }

  private static void stopEmbedded() {
    try {
      if (embedded != null) {
        embedded.close();
      }
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
    }
  }

  /** Creates {@code database} unless it exists; returns its JDBC URL. */
  public static String ensureDatabase(String database) {
    PostgresServer pg = server();
    try (Connection c = admin(pg)) {
      if (!exists(c, database)) {
        create(c, database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database, e);
    }
    return pg.jdbcUrl(database);
  }

  /** Drops and recreates {@code database}, so a test run starts from the migrations alone. */
  public static String recreateDatabase(String database) {
    PostgresServer pg = server();
    try (Connection c = admin(pg);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + checked(database) + " WITH (FORCE)");
      create(c, database);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not recreate database " + database, e);
    }
    return pg.jdbcUrl(database);
  }

  private static Connection admin(PostgresServer pg) throws SQLException {
    // The driver directly, not DriverManager: under exec:java (the run command) the driver sits in
    // a class loader DriverManager does not search.
    Properties credentials = new Properties();
    credentials.setProperty("user", pg.user());
    credentials.setProperty("password", pg.password());
    return new Driver().connect(pg.jdbcUrl("postgres"), credentials);
  }

  private static boolean exists(Connection c, String database) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void create(Connection c, String database) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + checked(database));
    } catch (SQLException e) {
      // 42P04: another process created it between our check and our CREATE.
      if (!"42P04".equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  private static String checked(String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("Not a plain database name: " + database);
    }
    return database;
  }
}
