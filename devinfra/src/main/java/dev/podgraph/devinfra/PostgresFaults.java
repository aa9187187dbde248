package dev.podgraph.devinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Database faults for tests, done to the PostgreSQL server {@link LocalPostgres} found (the one the
 * service under test uses), from an administrative connection of its own: cut every connection to a
 * database ({@code pg_terminate_backend}, what a failover or a restart does to a pool), and make
 * the database refuse new connections and admit them again (an outage that other databases on the
 * same server do not feel).
 */
public final class PostgresFaults {
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private PostgresFaults() {}

  /** Terminates every other session connected to {@code database}; returns how many. */
  public static int terminateConnections(String database) {
    try (Connection c = admin();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not terminate the connections to " + database, e);
    }
  }

  /** The database refuses new connections, and the ones it had are cut. */
  public static void refuseConnections(String database) {
    allowConnections(database, false);
    terminateConnections(database);
  }

  /** The database accepts connections again. */
  public static void admitConnections(String database) {
    allowConnections(database, true);
  }

  private static void allowConnections(String database, boolean allow) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("Not a plain database name: " + database);
    }
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS " + allow);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not change ALLOW_CONNECTIONS of " + database, e);
    }
  }

  private static Connection admin() throws SQLException {
    PostgresServer pg = LocalPostgres.server();
    return DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
  }
}
