package dev.podgraph.common.error;

import dev.podgraph.rules.ErrorCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns whatever a resolver threw into the {@link PodgraphException} the client is told about. It
 * matches framework exceptions by class name, so common needs neither Hibernate nor Quarkus
 * Security on its classpath.
 */
public final class ErrorTranslator {
  private static final Logger LOG = Logger.getLogger(ErrorTranslator.class);

  private static final Set<String> UNAUTHENTICATED =
      Set.of(
          "io.quarkus.security.UnauthorizedException",
          "io.quarkus.security.AuthenticationException",
          "io.quarkus.security.AuthenticationFailedException",
          "io.quarkus.security.AuthenticationCompletionException");
  private static final Set<String> FORBIDDEN = Set.of("io.quarkus.security.ForbiddenException");
  private static final Set<String> CONFLICT =
      Set.of(
          "jakarta.persistence.OptimisticLockException",
          "org.hibernate.StaleStateException",
          "org.hibernate.dialect.lock.OptimisticEntityLockException");

  /**
   * A value SmallRye GraphQL's scalars refuse while turning arguments into Java (an Int literal
   * beyond 32 bits, 1.5 for an Int): graphql-java's validation let it through, so it surfaces in
   * the data fetcher, before any resolver. The caller's value is wrong.
   */
  private static final Set<String> BAD_VALUE =
      Set.of(
          "graphql.schema.CoercingParseLiteralException",
          "graphql.schema.CoercingParseValueException");

  /** PostgreSQL unique_violation: two writers raced past the service's own duplicate check. */
  private static final String UNIQUE_VIOLATION = "23505";

  /**
   * PostgreSQL character_not_in_repertoire: text with a NUL character (0x00), which PostgreSQL
   * refuses. InputGuard refuses it in GraphQL arguments first; this covers any other way in.
   */
  private static final String NUL_IN_TEXT = "22021";

  private ErrorTranslator() {}

  /** The client-facing exception for {@code failure}; unexpected ones are logged here, once. */
  public static PodgraphException translate(Throwable failure) {
    PodgraphException known = recognise(failure);
    if (known instanceof UnavailableException && !(failure instanceof PodgraphException)) {
      // An operator's problem, not a client's: one line, no stack trace, whatever the rate.
      LOG.warnf("Database unavailable: %s", rootMessage(failure));
    }
    if (known != null) {
      return known;
    }
    String reference = UUID.randomUUID().toString();
    LOG.errorf(failure, "Unexpected failure, reference %s", reference);
    return new InternalErrorException(reference, failure);
  }

  /** The code {@link #translate} would give, without logging or allocating a reference. */
  public static ErrorCode codeOf(Throwable failure) {
    PodgraphException known = recognise(failure);
    return known == null ? ErrorCode.INTERNAL : known.code();
  }

  /** True when {@code failure} is none of the failures above: it would be INTERNAL, unlogged. */
  public static boolean isUnexpected(Throwable failure) {
    return recognise(failure) == null;
  }

  private static PodgraphException recognise(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PodgraphException p) {
        return p;
      }
      if (t instanceof ConstraintViolationException c) {
        return fromViolations(c.getConstraintViolations());
      }
      if (isA(t, UNAUTHENTICATED)) {
        return new UnauthenticatedException(
            "Authentication required: send a valid bearer token", t);
      }
      if (isA(t, FORBIDDEN)) {
        return new ForbiddenException("The caller lacks the role this operation needs", t);
      }
      if (isA(t, BAD_VALUE)) {
        return new InvalidInputException(
            "Invalid value: " + String.valueOf(t.getMessage()).replaceFirst("^SRGQL\\d+: ", ""));
      }
      if (isA(t, CONFLICT)) {
        return new ConflictException("Someone else changed this record first: read it again", t);
      }
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return new ConflictException("A record with the same unique value already exists", t);
      }
      if (t instanceof SQLException sql && NUL_IN_TEXT.equals(sql.getSQLState())) {
        return new InvalidInputException(
            "Invalid input: text must not contain the NUL character (U+0000)");
      }
    }
    if (DatabaseFailures.isConnectionFailure(failure)) {
      return new UnavailableException("The database is unavailable: try again shortly", failure);
    }
    return null;
  }

  static InvalidInputException fromViolations(Set<? extends ConstraintViolation<?>> violations) {
    List<FieldViolation> fields =
        violations.stream()
            .map(v -> new FieldViolation(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldViolation::field))
            .toList();
    return new InvalidInputException(fields);
  }

  /**
   * The property path without the method name a method-validation path starts with: {@code
   * create.input.title} becomes {@code input.title}.
   */
  private static String fieldOf(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    if (violation.getExecutableParameters() != null
        || violation.getExecutableReturnValue() != null) {
      int dot = path.indexOf('.');
      return dot < 0 ? path : path.substring(dot + 1);
    }
    return path;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static boolean isA(Throwable t, Set<String> classNames) {
    for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      if (classNames.contains(c.getName())) {
        return true;
      }
    }
    return false;
  }
}
