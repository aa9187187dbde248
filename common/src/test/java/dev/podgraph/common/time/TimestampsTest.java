package dev.podgraph.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  @Test
  void nowIsTheClocksInstantCutToMicroseconds() {
    Clock fixed = Clock.fixed(Instant.parse("2026-12-01T03:04:05.123456789Z"), ZoneOffset.UTC);
    assertEquals(Instant.parse("2026-12-01T03:04:05.123456Z"), Timestamps.now(fixed));
  }
}
