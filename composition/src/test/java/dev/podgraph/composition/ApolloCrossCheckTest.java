package dev.podgraph.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Composes every fixture with Apollo's own implementation (tools/compose-check, on
 * {@code @apollo/composition}) and with ours: both must succeed or both fail, and on success the
 * two supergraphs must carry the same types, fields and join/pass-through directives (compared as
 * sets, not text). Runs only where {@code node} is on the PATH and {@code npm install} was run in
 * tools/compose-check.
 */
class ApolloCrossCheckTest {
  private static final Path TOOL =
      Path.of("..", "tools", "compose-check").toAbsolutePath().normalize();

  static List<Fixtures> fixtures() {
    return Fixtures.all();
  }

  @BeforeAll
  static void requireNodeAndApollo() {
    assumeTrue(
        Files.isDirectory(TOOL.resolve("node_modules/@apollo/composition")),
        "run `npm install` in tools/compose-check to enable the cross-check");
    assumeTrue(nodeOnPath(), "node is not on the PATH");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void agreesWithApolloComposition(Fixtures fixture) throws Exception {
    ApolloResult apollo = runApollo(fixture.cliArguments());
    CompositionResult ours = fixture.compose();

    assertThat(ours.isSuccess())
        .as(
            "%s: Apollo %s (%s), ours %s",
            fixture,
            apollo.success() ? "composes" : "fails",
            apollo.stderr().strip(),
            ours.errors())
        .isEqualTo(apollo.success());
    if (apollo.success()) {
      String sdl = ours.supergraphSdl().orElseThrow();
      assertThat(JoinDirectives.of(sdl))
          .as(fixture.name())
          .isEqualTo(JoinDirectives.of(apollo.stdout()));
      assertThat(schemaHeader(sdl)).as(fixture.name()).isEqualTo(schemaHeader(apollo.stdout()));
    } else {
      List<String> apolloCodes =
          apollo.stderr().lines().map(l -> l.substring(0, l.indexOf(':'))).distinct().toList();
      assertThat(ours.errors())
          .extracting(CompositionError::code)
          .containsAnyElementsOf(apolloCodes);
    }
  }

  /** The schema block: spec links and root types. */
  private static String schemaHeader(String sdl) {
    return sdl.substring(0, sdl.indexOf('}') + 1);
  }

  record ApolloResult(boolean success, String stdout, String stderr) {}

  private static ApolloResult runApollo(List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", TOOL.resolve("compose.js").toString()));
    command.addAll(args);
    Path out = Files.createTempFile("apollo", ".out");
    Path err = Files.createTempFile("apollo", ".err");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
      return new ApolloResult(
          p.exitValue() == 0,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static boolean nodeOnPath() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
