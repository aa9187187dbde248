package dev.podgraph.composition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture composes, or fails with the Apollo error code its expect.txt names. */
class FixtureCompositionTest {

  static List<Fixtures> fixtures() {
    return Fixtures.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void composesOrFailsAsApolloDoes(Fixtures fixture) {
    CompositionResult result = fixture.compose();
    if (fixture.expectsSuccess()) {
      assertThat(result.errors()).isEmpty();
      assertThat(result.supergraphSdl()).isPresent();
    } else {
      assertThat(result.supergraphSdl()).isEmpty();
      assertThat(result.errors()).extracting(CompositionError::code).contains(fixture.expected());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void composesTheSameTextEveryTime(Fixtures fixture) {
    assertThat(fixture.compose()).isEqualTo(fixture.compose());
  }
}
