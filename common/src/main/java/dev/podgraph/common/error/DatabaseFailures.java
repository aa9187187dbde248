package dev.podgraph.common.error;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Recognises a failure that says the database connection broke or could not be had (PostgreSQL
 * restarted or failed over, the connection was terminated, the server refuses connections, the pool
 * found none in time), as opposed to a failure of the statement itself. Such a failure is reported
 * as UNAVAILABLE ({@link ErrorTranslator}), and a read that meets it is run once more (the
 * services' read classes: SmallRye Fault Tolerance {@code @Retry(maxRetries = 1)} with
 * {@code @RetryWhen(exception = DatabaseFailures.class)}); a write never is. Matched by SQL state
 * and class name, so common needs neither Hibernate nor Agroal on its classpath.
 */
public final class DatabaseFailures implements Predicate<Throwable> {
  /**
   * PostgreSQL: admin_shutdown (pg_terminate_backend, a fast shutdown), crash_shutdown,
   * cannot_connect_now (starting up or shutting down), too_many_connections.
   */
  private static final Set<String> SERVER_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  private static final Set<String> CONNECTION_EXCEPTIONS =
      Set.of("org.hibernate.exception.JDBCConnectionException");

  @Override
  public boolean test(Throwable failure) {
    return isConnectionFailure(failure);
  }

  /**
   * True when {@code failure}, anything in its cause chain, or anything suppressed along it (a
   * commit that failed on a terminated connection reports it as a suppressed XAException of the
   * RollbackException), is a broken or missing connection.
   */
  public static boolean isConnectionFailure(Throwable failure) {
    return isConnectionFailure(failure, 0);
  }

  private static boolean isConnectionFailure(Throwable failure, int depth) {
    if (depth > 8) {
      return false;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PodgraphException) {
        return false;
      }
      if (t instanceof SQLException sql && brokenConnection(sql)) {
        return true;
      }
      if (t instanceof SocketException || t instanceof EOFException) {
        return true;
      }
      if (CONNECTION_EXCEPTIONS.contains(t.getClass().getName())) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (isConnectionFailure(suppressed, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean brokenConnection(SQLException sql) {
    String state = sql.getSQLState();
    String message = String.valueOf(sql.getMessage());
    if (state != null && (state.startsWith("08") || SERVER_STATES.contains(state))) {
      return true;
    }
    // Agroal, when the pool has no connection to give within its acquisition timeout; PostgreSQL,
    // when the database does not admit connections (ALLOW_CONNECTIONS false, maintenance).
    return message.startsWith("Acquisition timeout")
        || message.contains("is not currently accepting connections");
  }
}
