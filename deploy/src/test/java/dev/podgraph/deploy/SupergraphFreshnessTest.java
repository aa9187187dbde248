package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.podgraph.composition.Composer;
import dev.podgraph.composition.CompositionResult;
import dev.podgraph.composition.SubgraphSdl;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * deploy/gateway/base/supergraph.graphql is exactly what composition makes of the subgraphs listed
 * in deploy/gateway/subgraphs.txt. Run with {@code -Dpodgraph.supergraph.write=true} to rewrite it.
 */
class SupergraphFreshnessTest {
  static final Path SUPERGRAPH = Repo.deploy().resolve("gateway/base/supergraph.graphql");
  static final Path LIST = Repo.deploy().resolve("gateway/subgraphs.txt");

  record Entry(String name, String url, Path schema) {}

  static List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (String line : Repo.read(LIST).lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int first = line.indexOf('=');
      int last = line.lastIndexOf('=');
      out.add(
          new Entry(
              line.substring(0, first),
              line.substring(first + 1, last),
              Repo.root().resolve(line.substring(last + 1))));
    }
    return out;
  }

  @Test
  void theCommittedSupergraphIsTheCompositionOfTheCommittedSubgraphSchemas() throws IOException {
    List<Entry> entries = entries();
    List<Path> missing =
        entries.stream().map(Entry::schema).filter(p -> !Files.isRegularFile(p)).toList();
    Assumptions.assumeTrue(
        missing.isEmpty(),
        "subgraph schema files not written yet, supergraph freshness not checked: " + missing);
    List<SubgraphSdl> sdls = new ArrayList<>();
    for (Entry e : entries) {
      sdls.add(
          new SubgraphSdl(e.name(), e.url(), Files.readString(e.schema(), StandardCharsets.UTF_8)));
    }
    CompositionResult result = Composer.compose(sdls);
    if (!result.isSuccess()) {
      fail("the subgraph schemas do not compose: " + result.errors());
    }
    String composed = result.supergraphSdl().orElseThrow();
    if (Boolean.getBoolean("podgraph.supergraph.write")) {
      Files.writeString(SUPERGRAPH, composed, StandardCharsets.UTF_8);
    }
    assertEquals(
        composed,
        Files.readString(SUPERGRAPH, StandardCharsets.UTF_8),
        "deploy/gateway/base/supergraph.graphql is stale: regenerate it with"
            + " ./mvnw -B -q -pl deploy verify -Dtest=SupergraphFreshnessTest -Dpodgraph.supergraph.write=true");
  }

  private static boolean notWrittenYet(Path schema) {
    return !Files.isRegularFile(schema) || Repo.read(schema).isBlank();
  }

  @Test
  void everyRoutingUrlIsASubgraphServiceOnItsPortAndGraphqlPath() {
    List<Entry> entries = entries();
    assertEquals(Repo.SUBGRAPHS.size(), entries.size(), "one entry per subgraph");
    for (Entry e : entries) {
      URI url = URI.create(e.url());
      String service = url.getHost();
      assertTrue(Repo.SUBGRAPHS.contains(service), e + " does not route to a subgraph Service");
      assertEquals(
          Repo.root().resolve(service).resolve("schema.graphql"), e.schema(), e + " schema file");
      assertEquals(Repo.conventionPorts().get(service), url.getPort(), e + " port");
      assertEquals("/graphql", url.getPath(), e + " path");
      for (String env : Repo.ENVIRONMENTS) {
        Service s = Overlays.of(service, env).require(Service.class, service);
        assertTrue(
            s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == url.getPort()),
            service + "/" + env + " Service has no port " + url.getPort());
      }
    }
  }
}
