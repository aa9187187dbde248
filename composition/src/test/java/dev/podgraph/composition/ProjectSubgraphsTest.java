package dev.podgraph.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The project's own subgraphs (the committed schema.graphql of catalog-service and guest-service)
 * compose without errors, with the URLs the gateway uses in development.
 */
class ProjectSubgraphsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path CATALOG = ROOT.resolve("catalog-service/schema.graphql");
  private static final Path GUEST = ROOT.resolve("guest-service/schema.graphql");

  @Test
  void catalogAndGuestServiceCompose() throws Exception {
    assumeTrue(Files.exists(CATALOG) && Files.exists(GUEST), "both schema.graphql files exist");
    CompositionResult result =
        Composer.compose(
            List.of(
                new SubgraphSdl(
                    "catalog",
                    "http://localhost:8081/graphql",
                    Files.readString(CATALOG, StandardCharsets.UTF_8)),
                new SubgraphSdl(
                    "guest",
                    "http://localhost:8082/graphql",
                    Files.readString(GUEST, StandardCharsets.UTF_8))));
    assertThat(result.errors()).isEmpty();
    String sdl = result.supergraphSdl().orElseThrow();
    assertThat(JoinDirectives.on(sdl, "Episode"))
        .anyMatch(d -> d.startsWith("@join__type(graph: CATALOG, key:"))
        .anyMatch(d -> d.startsWith("@join__type(graph: GUEST, key:"));
  }
}
