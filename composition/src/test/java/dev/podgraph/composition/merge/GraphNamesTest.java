package dev.podgraph.composition.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphNamesTest {
  @Test
  void subgraphNamesBecomeUpperCaseEnumValuesThatCannotClash() {
    assertThat(GraphNames.of(List.of("catalog", "guest-service", "2nd", "f-1", "a.b", "a_b")))
        .containsExactly("CATALOG", "GUEST_SERVICE", "_2ND", "F_1_", "A_B", "A_B_1");
  }
}
