package dev.podgraph.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.rules.ErrorCode;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorTranslatorTest {

  record Input(@NotBlank String title, @Positive int number) {}

  @Test
  void keepsAPodgraphExceptionAsItIs() {
    NotFoundException notFound = new NotFoundException("No episode 7");
    assertSame(notFound, ErrorTranslator.translate(notFound));
  }

  @Test
  void findsAPodgraphExceptionWrappedByAFramework() {
    ConflictException conflict = new ConflictException("stale");
    assertSame(conflict, ErrorTranslator.translate(new RuntimeException("wrapper", conflict)));
  }

  @Test
  void hidesTheMessageOfAnUnexpectedExceptionBehindAReference() {
    PodgraphException translated =
        ErrorTranslator.translate(new IllegalStateException("password=hunter2"));
    InternalErrorException internal = assertInstanceOf(InternalErrorException.class, translated);
    assertEquals(ErrorCode.INTERNAL, internal.code());
    assertFalse(internal.getMessage().contains("hunter2"));
    assertTrue(internal.getMessage().contains(internal.reference()));
  }

  @Test
  void codesBeanValidationFailuresAsBadUserInputNamingEachField() {
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    var violations = validator.validate(new Input(" ", -1));
    PodgraphException translated =
        ErrorTranslator.translate(new ConstraintViolationException(violations));
    InvalidInputException invalid = assertInstanceOf(InvalidInputException.class, translated);
    assertEquals(ErrorCode.BAD_USER_INPUT, invalid.code());
    assertEquals(
        List.of("number", "title"),
        invalid.violations().stream().map(FieldViolation::field).toList());
  }

  @Test
  void codesPostgresRefusingANulCharacterAsBadUserInputWithoutAReference() {
    SQLException nul =
        new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
    PodgraphException translated = ErrorTranslator.translate(new RuntimeException(nul));
    assertEquals(ErrorCode.BAD_USER_INPUT, translated.code());
    assertTrue(translated.getMessage().contains("NUL"), translated.getMessage());
  }

  @Test
  void codesAUniqueViolationAsConflict() {
    SQLException duplicate = new SQLException("duplicate key value", "23505");
    assertEquals(ErrorCode.CONFLICT, ErrorTranslator.codeOf(new RuntimeException(duplicate)));
  }

  @Test
  void codesOtherSqlFailuresAsInternal() {
    assertEquals(
        ErrorCode.INTERNAL,
        ErrorTranslator.codeOf(new SQLException("relation \"x\" does not exist", "42P01")));
  }

  @Test
  void codesABrokenOrMissingDatabaseConnectionAsUnavailable() {
    for (SQLException broken :
        List.of(
            new SQLException("An I/O error occurred while sending to the backend.", "08006"),
            new SQLException("This connection has been closed.", "08003"),
            new SQLException("terminating connection due to administrator command", "57P01"),
            new SQLException("Acquisition timeout while waiting for new connection"),
            new SQLException(
                "database \"guest\" is not currently accepting connections", "55000"))) {
      PodgraphException translated = ErrorTranslator.translate(new RuntimeException(broken));
      assertEquals(ErrorCode.UNAVAILABLE, translated.code(), broken.getMessage());
      assertEquals("The database is unavailable: try again shortly", translated.getMessage());
    }
    assertEquals(
        ErrorCode.UNAVAILABLE,
        ErrorTranslator.codeOf(new RuntimeException(new java.net.SocketException("reset"))));
    // A commit on a terminated connection: the cause sits in a suppressed exception.
    Exception rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
    rollback.addSuppressed(
        new Exception(
            "Error trying to transactionCommit local transaction",
            new SQLException("terminating connection due to administrator command", "57P01")));
    assertEquals(ErrorCode.UNAVAILABLE, ErrorTranslator.codeOf(new RuntimeException(rollback)));
  }

  @Test
  void recognisesOnlyConnectionFailuresAsWorthARetry() {
    DatabaseFailures retryable = new DatabaseFailures();
    assertTrue(retryable.test(new RuntimeException(new SQLException("gone", "57P01"))));
    assertFalse(retryable.test(new SQLException("duplicate key value", "23505")));
    assertFalse(retryable.test(new InvalidInputException("id", "is not an episode id")));
    assertFalse(
        retryable.test(
            new UnavailableException("x", new SQLException("An I/O error occurred", "08006"))));
  }

  @Test
  void codesFrameworkExceptionsByTheirClassName() {
    assertEquals(
        ErrorCode.UNAUTHENTICATED,
        ErrorTranslator.codeOf(new io.quarkus.security.UnauthorizedException()));
    assertEquals(
        ErrorCode.FORBIDDEN, ErrorTranslator.codeOf(new io.quarkus.security.ForbiddenException()));
    assertEquals(
        ErrorCode.CONFLICT,
        ErrorTranslator.codeOf(new jakarta.persistence.OptimisticLockException("stale")));
  }
}
