package dev.podgraph.gateway.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A gateway body limit that Quarkus's own would hide (a bare 413) stops start-up. */
class BodyLimitSettingTest {

  @Test
  void refusesAGatewayLimitAboveTheServerLimit() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> BodyLimit.checkAgainstServerLimit(20_000_000, Optional.of(10_485_760L)));
    assertTrue(e.getMessage().contains("quarkus.http.limits.max-body-size"), e.getMessage());
  }

  @Test
  void acceptsAGatewayLimitUpToTheServerLimit() {
    assertDoesNotThrow(
        () -> BodyLimit.checkAgainstServerLimit(1_048_576, Optional.of(10_485_760L)));
    assertDoesNotThrow(
        () -> BodyLimit.checkAgainstServerLimit(10_485_760, Optional.of(10_485_760L)));
    assertDoesNotThrow(() -> BodyLimit.checkAgainstServerLimit(20_000_000, Optional.empty()));
  }
}
