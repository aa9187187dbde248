package dev.podgraph.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podgraph.devinfra.DevTokens;
import dev.podgraph.importer.ImportMain;
import dev.podgraph.importer.client.DocumentResult;
import dev.podgraph.importer.client.ImportReport;
import dev.podgraph.importer.client.Source;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole system as the run command starts it (real processes, real PostgreSQL and Redis, its own
 * databases), seeded through the gateway's public API with the project's copy of the show notes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PodgraphSystemTest {
  private static final String PAGE_WITH_GUESTS =
      """
      query Page($first: Int) {
        episodes(first: $first) {
          edges { node { number title guests { name episodes { number } } } }
        }
      }
      """;

  private PodgraphSystem system;
  private GatewayClient gateway;
  private ImportReport firstImport;

  @BeforeAll
  void startTheSystemAndImportTheSeeds() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    Path work = root.resolve("launcher/target/system-test");
    RunPorts ports = RunPorts.free();
    system =
        PodgraphSystem.start(
            new PodgraphSystem.Layout(
                root, work, ports, "catalog_systest", "guest_systest", 4, true));
    gateway = new GatewayClient(system);
    firstImport = importSources(List.of(ImportMain.seed()));
  }

  @AfterAll
  void stopTheSystem() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void healthAndMetricsAreServedOnTheManagementPortsOnly() throws Exception {
    for (String service : List.of("gateway", "catalog-service", "guest-service")) {
      String management = system.managementUrl(service);
      String publicPort = system.baseUrl(service);
      var ready = GatewayClient.get(management + "/q/health/ready");
      assertEquals(200, ready.statusCode(), service + ": " + ready.body());
      assertTrue(ready.body().contains("\"UP\""), service + ": " + ready.body());
      var metrics = GatewayClient.get(management + "/q/metrics");
      assertEquals(200, metrics.statusCode(), service);
      assertTrue(metrics.body().contains("jvm_memory_used_bytes"), service + " metrics");
      for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics")) {
        assertEquals(
            404,
            GatewayClient.get(publicPort + path).statusCode(),
            service + " serves " + path + " on its public port");
      }
      assertEquals(
          404,
          GatewayClient.get(management + "/graphql").statusCode(),
          service + " serves GraphQL on its management port");
    }
  }

  /**
   * A second gateway, as production runs it: reading the committed supergraph from a file. A new
   * supergraph that routes a field catalog-service does not serve is refused (the last good one
   * keeps serving); one that drops a field (the gateway-first step of a contraction) passes the
   * check against the real subgraphs' SDL and is served.
   */
  @Test
  void aGatewayOnASupergraphFileSwapsOnlyToSupergraphsTheRunningSubgraphsServe() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    String committed =
        java.nio.file.Files.readString(root.resolve("deploy/gateway/base/supergraph.graphql"))
            .replace(
                "http://catalog-service:8081/graphql",
                system.baseUrl("catalog-service") + "/graphql")
            .replace(
                "http://guest-service:8082/graphql", system.baseUrl("guest-service") + "/graphql");
    String showFields = "{\n  hostName: String!\n  tagline: String\n  title: String!\n\n";
    assertTrue(committed.contains(showFields));
    Path file = root.resolve("launcher/target/system-test/supergraph-check.graphql");
    java.nio.file.Files.writeString(file, committed);
    RunPorts ports = RunPorts.free();
    ServiceProcess fileGateway =
        ServiceProcess.start(
            "gateway-on-file",
            root.resolve("gateway/target/quarkus-app/quarkus-run.jar"),
            ports.gateway(),
            ports.gatewayManagement(),
            Map.of("GATEWAY_SUPERGRAPH", file.toString(), "GATEWAY_RELOAD_INTERVAL", "200ms"),
            root.resolve("launcher/target/system-test/logs"));
    try {
      fileGateway.awaitReady(java.time.Duration.ofMinutes(2));
      URI graphql = URI.create(fileGateway.baseUrl() + "/graphql");
      String showFieldNames = "{ __type(name: \"Show\") { fields { name } } }";

      java.nio.file.Files.writeString(
          file, committed.replace(showFields, showFields + "  slogan: String\n"));
      awaitReloads(fileGateway, "rejected");
      assertEquals(
          List.of("hostName", "tagline", "title", "updatedAt", "url", "version"),
          names(fieldsOf(GatewayClient.post(graphql, showFieldNames, Map.of(), null))));

      java.nio.file.Files.writeString(
          file, committed.replace(showFields, showFields.replace("  tagline: String\n", "")));
      awaitReloads(fileGateway, "applied");
      assertEquals(
          List.of("hostName", "title", "updatedAt", "url", "version"),
          names(fieldsOf(GatewayClient.post(graphql, showFieldNames, Map.of(), null))));
      assertNoErrors(
          GatewayClient.post(
              graphql,
              "{ episodes(first: 2) { edges { node { title guests { name } } } } }",
              Map.of(),
              null));
    } finally {
      fileGateway.stop();
    }
  }

  private static JsonNode fieldsOf(JsonNode introspection) {
    assertNoErrors(introspection);
    return introspection.path("data").path("__type").path("fields");
  }

  /** Polls the gateway's reload counter until it counts one with this outcome (30 s at most). */
  private static void awaitReloads(ServiceProcess gateway, String outcome) throws Exception {
    String sample = "gateway_supergraph_reloads_total{outcome=\"" + outcome + "\"}";
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
    while (java.time.Instant.now().isBefore(deadline)) {
      for (String line :
          GatewayClient.get(gateway.managementUrl() + "/q/metrics").body().split("\n")) {
        if (line.startsWith(sample) && GatewayClient.sampleValue(line) >= 1) {
          return;
        }
      }
      gateway.process().waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("no supergraph reload " + outcome + " within 30 s");
  }

  @Test
  void theSeedNotesImportAsFourEpisodes() {
    assertTrue(firstImport.failures().isEmpty(), firstImport.summary().toString());
    DocumentResult seed = firstImport.documents().get(0);
    assertEquals(List.of(210, 201, 131, 116), new ArrayList<>(seed.episodes().keySet()));
  }

  @Test
  void anEpisodeIsServedWithItsGuestsFromBothServices() throws Exception {
    JsonNode answer = gateway.query("{ episode(number: 201) { title guests { name } } }");
    assertNoErrors(answer);
    JsonNode episode = answer.path("data").path("episode");
    assertEquals(
        "How To Include Redis In Your Application Architecture", episode.path("title").asText());
    assertEquals(List.of("Andy McCurdy", "Christoph Zimmerman"), names(episode.path("guests")));
  }

  @Test
  void aGuestListsTheEpisodesTheyAppearedOnWithTheirTitles() throws Exception {
    JsonNode answer =
        gateway.query("{ guest(slug: \"glyph-lefkowitz\") { name episodes { number title } } }");
    assertNoErrors(answer);
    JsonNode guest = answer.path("data").path("guest");
    assertEquals("Glyph Lefkowitz", guest.path("name").asText());
    assertEquals(1, guest.path("episodes").size());
    assertEquals(116, guest.path("episodes").get(0).path("number").asInt());
    assertEquals(
        "Automat State Machines with Glyph Lefkowitz",
        guest.path("episodes").get(0).path("title").asText());
  }

  @Test
  void everyEpisodeHasTheHostAndTheNewestComesFirst() throws Exception {
    JsonNode answer =
        gateway.query("{ episodes(first: 10) { edges { node { number hosts { name } } } } }");
    assertNoErrors(answer);
    JsonNode edges = answer.path("data").path("episodes").path("edges");
    List<Integer> numbers = new ArrayList<>();
    for (JsonNode edge : edges) {
      numbers.add(edge.path("node").path("number").asInt());
      assertEquals(List.of("Tobias Macey"), names(edge.path("node").path("hosts")));
    }
    assertEquals(List.of(210, 201, 131, 116), numbers);
  }

  @Test
  void importingTheSameNotesAgainChangesNothing() throws Exception {
    JsonNode before = snapshot();
    ImportReport again = importSources(List.of(ImportMain.seed()));
    assertEquals(1, again.count(DocumentResult.Status.UNCHANGED), again.summary().toString());
    assertEquals(before, snapshot());
  }

  @Test
  void aDocumentThatIsNotShowNotesIsRejectedAndWritesNothing() throws Exception {
    JsonNode before = snapshot();
    ImportReport report =
        importSources(
            List.of(new Source("grocery-list.txt", "Milk\nEggs\nSome Title Without A Number\n")));
    assertEquals(1, report.failures().size());
    assertTrue(report.failures().get(0).reason() != null, report.summary().toString());
    assertTrue(report.summary().get(1).contains("grocery-list.txt"), report.summary().toString());
    assertEquals(before, snapshot());
  }

  @Test
  void aPageOfEpisodesWithGuestsCostsTheSameSubgraphRequestsWhateverItsSize() throws Exception {
    long forOne = subgraphRequestsFor(1);
    long forFour = subgraphRequestsFor(4);
    assertEquals(forOne, forFour, "subgraph requests for a page of 1 and a page of 4");
    assertTrue(forFour <= 3, "root fetch, guests of the page, episodes of the guests: " + forFour);
  }

  private long subgraphRequestsFor(int pageSize) throws Exception {
    double before = gateway.metricTotal("gateway_subgraph_requests_seconds_count");
    JsonNode answer = gateway.query(PAGE_WITH_GUESTS, Map.of("first", pageSize));
    assertNoErrors(answer);
    JsonNode edges = answer.path("data").path("episodes").path("edges");
    assertEquals(pageSize, edges.size());
    for (JsonNode edge : edges) {
      assertFalse(edge.path("node").path("guests").isEmpty(), edge.toString());
      for (JsonNode guest : edge.path("node").path("guests")) {
        assertFalse(guest.path("episodes").isEmpty(), guest.toString());
      }
    }
    return Math.round(gateway.metricTotal("gateway_subgraph_requests_seconds_count") - before);
  }

  /** Every id, version and update time the import could have touched. */
  private JsonNode snapshot() throws Exception {
    JsonNode answer =
        gateway.query(
            """
            {
              episodes(first: 100) { totalCount edges { node { id number version updatedAt
                guests { id slug version updatedAt } hosts { id slug version updatedAt } } } }
            }
            """);
    assertNoErrors(answer);
    return answer.path("data");
  }

  private ImportReport importSources(List<Source> sources) {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
      return ImportMain.importAll(
          sources, URI.create(system.graphqlUrl()), DevTokens.editor(), true, out);
    }
  }

  private static List<String> names(JsonNode people) {
    List<String> names = new ArrayList<>();
    people.forEach(p -> names.add(p.path("name").asText()));
    return names;
  }

  private static void assertNoErrors(JsonNode answer) {
    assertTrue(answer.path("errors").isMissingNode(), answer.toString());
  }
}
