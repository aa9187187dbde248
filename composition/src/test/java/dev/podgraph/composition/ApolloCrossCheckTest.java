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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Composes every fixture with Apollo's own implementation (tools/compose-check, on {@code
 * @apollo/composition}) and with ours: both must succeed or both fail with the same error codes,
 * and on success the two supergraphs must carry the same types, fields and join/pass-through
 * directives (compared as sets, not text) and the same schema block. Runs only where {@code node}
 * is on the PATH and {@code npm ci} was run in tools/compose-check.
 */
class ApolloCrossCheckTest {
  private static final Path TOOL =
      Path.of("..", "tools", "compose-check").toAbsolutePath().normalize();

  @TempDir static Path apolloOut;

  static List<Fixtures> fixtures() {
    return Fixtures.all();
  }

  @BeforeAll
  static void composeAllFixturesWithApollo() throws Exception {
    assumeTrue(succeeds(List.of("node", "--version")), "node is not on the PATH");
    if (!Files.isDirectory(TOOL.resolve("node_modules/@apollo/composition"))) {
      // A fresh clone (CI) has no node_modules: install the locked packages when npm can.
      succeeds(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", TOOL.toString()));
    }
    assumeTrue(
        Files.isDirectory(TOOL.resolve("node_modules/@apollo/composition")),
        "npm ci in tools/compose-check failed (offline?): cross-check skipped");
    // One Node start for all fixtures: starting Node per case costs seconds each.
    ApolloResult batch =
        runApollo(
            List.of(
                "--fixtures",
                Fixtures.ROOT.toAbsolutePath().toString(),
                "--out",
                apolloOut.toString()));
    assertThat(batch.success()).as("compose.js --fixtures: %s", batch.stderr()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void agreesWithApolloComposition(Fixtures fixture) throws IOException {
    Path supergraph = apolloOut.resolve(fixture.name() + ".graphql");
    Path errors = apolloOut.resolve(fixture.name() + ".errors");
    boolean apolloSucceeded = Files.exists(supergraph);
    ApolloResult apollo =
        new ApolloResult(
            apolloSucceeded,
            apolloSucceeded ? Files.readString(supergraph, StandardCharsets.UTF_8) : "",
            apolloSucceeded ? "" : Files.readString(errors, StandardCharsets.UTF_8));
    assertAgrees(fixture.name(), apollo, fixture.compose());
  }

  /**
   * Stronger than required: the text itself is Apollo's, so a supergraph committed from either tool
   * compares byte-for-byte. (Pinned to @apollo/composition 2.14.4 by package-lock.json.)
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void printsTheSameTextAsApollo(Fixtures fixture) throws IOException {
    Path supergraph = apolloOut.resolve(fixture.name() + ".graphql");
    assumeTrue(Files.exists(supergraph), "Apollo composes this fixture");
    assertThat(fixture.compose().supergraphSdl())
        .contains(Files.readString(supergraph, StandardCharsets.UTF_8));
  }

  @Test
  void agreesWithApolloOnTheProjectSubgraphs() throws Exception {
    Path catalog = Path.of("..", "catalog-service", "schema.graphql").toAbsolutePath().normalize();
    Path guest = Path.of("..", "guest-service", "schema.graphql").toAbsolutePath().normalize();
    assumeTrue(Files.exists(catalog) && Files.exists(guest), "both schema.graphql files exist");
    String catalogUrl = "http://localhost:8081/graphql";
    String guestUrl = "http://localhost:8082/graphql";
    ApolloResult apollo =
        runApollo(
            List.of("catalog=" + catalogUrl + "=" + catalog, "guest=" + guestUrl + "=" + guest));
    CompositionResult ours =
        Composer.compose(
            List.of(
                new SubgraphSdl("catalog", catalogUrl, Files.readString(catalog)),
                new SubgraphSdl("guest", guestUrl, Files.readString(guest))));
    assertAgrees("catalog + guest", apollo, ours);
    assertThat(ours.supergraphSdl()).contains(apollo.stdout());
  }

  private static void assertAgrees(String name, ApolloResult apollo, CompositionResult ours) {
    assertThat(ours.isSuccess())
        .as(
            "%s: Apollo %s (%s), ours %s",
            name, apollo.success() ? "composes" : "fails", apollo.stderr().strip(), ours.errors())
        .isEqualTo(apollo.success());
    if (apollo.success()) {
      String sdl = ours.supergraphSdl().orElseThrow();
      assertThat(JoinDirectives.of(sdl)).as(name).isEqualTo(JoinDirectives.of(apollo.stdout()));
      assertThat(schemaBlock(sdl)).as(name).isEqualTo(schemaBlock(apollo.stdout()));
    } else {
      List<String> apolloCodes =
          apollo.stderr().lines().map(l -> l.substring(0, l.indexOf(':'))).distinct().toList();
      assertThat(ours.errors().stream().map(CompositionError::code).distinct().toList())
          .as("%s: error codes", name)
          .containsExactlyInAnyOrderElementsOf(apolloCodes);
    }
  }

  /** The schema block: spec links and root types. */
  private static String schemaBlock(String sdl) {
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
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
      return new ApolloResult(
          p.exitValue() == 0,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static boolean succeeds(List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
