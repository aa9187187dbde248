package dev.podgraph.devinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConnectionCutLoadTest {
  @Test
  void retriesAreSummedWithoutReadingAnExemplarAsTheValue() {
    String metrics =
        """
        # TYPE ft_retry_retries_total counter
        ft_retry_retries_total{method="a.B.find"} 6.0 # {span_id="1",trace_id="2"} 1.0 1764574211.123
        ft_retry_retries_total{method="a.B.page"} 2.0
        ft_retry_calls_total{method="a.B.find"} 480.0
        """;

    assertEquals(8, ConnectionCutLoad.retriesIn(metrics));
  }
}
