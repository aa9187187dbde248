package dev.podgraph.composition.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphNamesTest {
  @Test
  void subgraphNamesBecomeUpperCaseEnumValuesThatCannotClash() {
    // Apollo's rules: non-word characters become _, a leading digit gets a _, a trailing _<digits>
    // gets a _, and names that still clash are all numbered.
    assertThat(GraphNames.of(List.of("a.b", "a_b", "catalog", "f-1", "guest-service", "2nd")))
        .containsExactly("A_B_1", "A_B_2", "CATALOG", "F_1_", "GUEST_SERVICE", "_2ND");
  }
}
