package dev.podgraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

  @Test
  void theClosedSetOfDocsConventions() {
    assertEquals(
        List.of(
            "BAD_USER_INPUT",
            "NOT_FOUND",
            "CONFLICT",
            "UNAUTHENTICATED",
            "FORBIDDEN",
            "UNAVAILABLE",
            "INTERNAL",
            "GRAPHQL_PARSE_FAILED",
            "GRAPHQL_VALIDATION_FAILED",
            "PERSISTED_QUERY_NOT_FOUND",
            "OPERATION_RESOLUTION_FAILURE"),
        Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
  }

  @Test
  void anErrorObjectCarriesMessageAndCode() {
    assertEquals(
        Map.of("message", "no", "extensions", Map.of("code", "NOT_FOUND")),
        ErrorCode.NOT_FOUND.error("no"));
  }
}
