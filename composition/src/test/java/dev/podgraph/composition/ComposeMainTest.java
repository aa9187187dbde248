package dev.podgraph.composition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ComposeMainTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ComposeMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsTheSupergraphOfComposableSubgraphs() {
    Fixtures fixture = Fixtures.named("entity-extension");
    Run run = run(fixture.cliArguments().toArray(String[]::new));
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(fixture.compose().supergraphSdl().orElseThrow());
  }

  @Test
  void printsErrorsWithTheirCodesAndExitsWithOne() {
    Run run = run(Fixtures.named("invalid-field-sharing").cliArguments().toArray(String[]::new));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("INVALID_FIELD_SHARING: Non-shareable field \"User.name\"");
  }

  @Test
  void rejectsMalformedArguments() {
    assertThat(run().exit()).isEqualTo(2);
    assertThat(run("catalog=catalog.graphql").exit()).isEqualTo(2);
    assertThat(run("a=http://a=/does/not/exist.graphql").err()).contains("cannot read");
  }
}
