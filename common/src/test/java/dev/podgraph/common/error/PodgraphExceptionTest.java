package dev.podgraph.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PodgraphExceptionTest {

  @Test
  void everyExceptionCarriesSmallRyesErrorCodeEqualToItsOwnCode() {
    List<PodgraphException> all =
        List.of(
            new InvalidInputException("bad"),
            new NotFoundException("missing"),
            new ConflictException("stale"),
            new UnauthenticatedException("who"),
            new ForbiddenException("no"),
            new UnavailableException("down"),
            new InternalErrorException("ref", new RuntimeException()));
    for (PodgraphException e : all) {
      io.smallrye.graphql.api.ErrorCode annotation =
          e.getClass().getAnnotation(io.smallrye.graphql.api.ErrorCode.class);
      assertNotNull(annotation, e.getClass().getSimpleName());
      assertEquals(e.code().name(), annotation.value(), e.getClass().getSimpleName());
    }
  }

  @Test
  void anInvalidInputMessageListsEveryField() {
    InvalidInputException e =
        new InvalidInputException(
            List.of(
                new FieldViolation("input.title", "must not be blank"),
                new FieldViolation("input.number", "must be greater than 0")));
    assertEquals(
        "Invalid input: input.title must not be blank; input.number must be greater than 0",
        e.getMessage());
  }
}
