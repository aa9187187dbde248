package dev.podgraph.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerKeyTest {

  @Test
  void anonymousCallersShareOneKeyWhateverTheirTraceHeaders() {
    assertEquals("", CallerKey.of(Map.of()));
    assertEquals("", CallerKey.of(Map.of("traceparent", "00-abc-def-01", "tracestate", "x=1")));
  }

  @Test
  void eachTokenIsAKeyOfItsOwnAndNoTokenIsKeptInIt() {
    String alice = CallerKey.of(Map.of("authorization", "Bearer alice"));
    assertNotEquals(alice, CallerKey.of(Map.of("authorization", "Bearer bob")));
    assertNotEquals("", alice);
    assertFalse(alice.contains("alice"));
    assertEquals(alice, CallerKey.of(Map.of("Authorization", "Bearer alice", "traceparent", "t")));
  }
}
