package dev.podgraph.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.devinfra.HostileCorpus;
import dev.podgraph.devinfra.HostileCorpus.Case;
import dev.podgraph.devinfra.HostileCorpus.Outcome;
import dev.podgraph.rules.ErrorCode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile corpus against the running system: the gateway, and each subgraph called directly (as
 * a client inside the cluster could, past the NetworkPolicies). Every request gets a 4xx or a coded
 * GraphQL error, no 5xx, within a second; afterwards every service is still ready and the gateway
 * still answers a real query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputSystemTest {
  private static final Set<String> CODES =
      Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
  private static final List<String> SUBGRAPHS = List.of("catalog-service", "guest-service");

  private PodgraphSystem system;

  @BeforeAll
  void startTheSystem() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    system =
        PodgraphSystem.start(
            new PodgraphSystem.Layout(
                root,
                root.resolve("launcher/target/hostile-test"),
                RunPorts.free(),
                "catalog_hostiletest",
                "guest_hostiletest",
                7,
                true));
  }

  @AfterAll
  void stopTheSystem() {
    if (system != null) {
      system.close();
    }
  }

  /** The subgraphs' corpus: generated envelopes and the requests every subgraph must refuse. */
  private static List<Case> subgraphCorpus(String validQuery) {
    List<Case> cases = new ArrayList<>(HostileCorpus.envelopes(validQuery, 2 * 1024 * 1024));
    cases.addAll(HostileCorpus.load("podgraph/hostile/subgraph.json"));
    return cases;
  }

  /**
   * The gateway gets the same requests with the general rule only: it serves GET for queries,
   * answers JSON whatever the Accept header says (GraphQL over HTTP allows either), answers some
   * refusals with its own status (its tests pin those), and its body limit is 1 MiB.
   */
  private static List<Case> gatewayCorpus() {
    String valid = "{ episodes(first: 1) { totalCount } }";
    List<Case> cases = new ArrayList<>(subgraphCorpus(valid));
    List<Case> envelopes = HostileCorpus.envelopes(valid, 10 * 1024 * 1024);
    cases.add(envelopes.get(envelopes.size() - 1)); // 10 MB, declared in Content-Length
    return cases.stream()
        .filter(c -> !c.method().equals("GET") && !c.method().equals("OPTIONS"))
        .filter(c -> !c.name().startsWith("accept ")) // it may answer JSON whatever Accept says
        .map(
            c ->
                new Case(
                    c.name(),
                    c.method(),
                    c.contentType(),
                    c.accept(),
                    c.body(),
                    null,
                    null,
                    c.headers()))
        .toList();
  }

  @Test
  void everyServiceRefusesTheCorpusWithCodedAnswersAndStaysReady() throws Exception {
    List<Outcome> all = new ArrayList<>();
    for (String subgraph : SUBGRAPHS) {
      URI endpoint = URI.create(system.baseUrl(subgraph) + "/graphql");
      String valid =
          subgraph.equals("catalog-service")
              ? "{ episodes(first: 1) { totalCount } }"
              : "{ guests(first: 1) { totalCount } }";
      GatewayClient.post(endpoint, valid, Map.of(), null); // warm: time answers, not JIT
      all.addAll(HostileCorpus.run(endpoint, subgraphCorpus(valid), CODES));
    }
    URI gateway = URI.create(system.graphqlUrl());
    GatewayClient.post(gateway, "{ episodes(first: 1) { totalCount } }", Map.of(), null);
    List<Outcome> viaGateway = HostileCorpus.run(gateway, gatewayCorpus(), CODES);
    all.addAll(viaGateway);

    assertEquals(List.of(), HostileCorpus.failures(all));
    assertTrue(all.size() >= 300, all.size() + " requests");
    System.out.printf(
        "hostile corpus: %d requests (%d through the gateway), slowest %d ms%n",
        all.size(), viaGateway.size(), all.stream().mapToLong(Outcome::millis).max().orElse(0));
    for (String service : List.of("catalog-service", "guest-service", "gateway")) {
      assertEquals(
          200,
          GatewayClient.get(system.managementUrl(service) + "/q/health/ready").statusCode(),
          service + " ready");
    }
    assertEquals(
        0,
        GatewayClient.post(gateway, "{ episodes(first: 1) { totalCount } }", Map.of(), null)
            .path("data")
            .path("episodes")
            .path("totalCount")
            .asInt());
  }
}
