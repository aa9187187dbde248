package dev.podgraph.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podgraph.devinfra.DevTokens;
import dev.podgraph.importer.ImportMain;
import dev.podgraph.launcher.bench.OutageDrill;
import dev.podgraph.launcher.bench.OutageDrill.Outcome;
import dev.podgraph.launcher.bench.OutageDrill.Phase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Who sees what, changes that cross services, and failures, over the real processes: an embargoed
 * episode goes from draft to published to deleted (the delete while guest-service is down), then
 * guest-service hangs and dies under load. The steps build on each other, so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VisibilityAndOutageSystemTest {
  private static final Duration FEED_CATCH_UP = Duration.ofSeconds(20);
  private static final String GLYPH = "glyph-lefkowitz";
  private static final String GUEST_EPISODES =
      "query($slug: String) { guest(slug: $slug) { id episodes { number title } } }";

  private PodgraphSystem system;
  private GatewayClient gateway;
  private String episodeId;
  private int version;

  @BeforeAll
  void startTheSystemAndImportTheSeeds() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    RunPorts ports = RunPorts.free();
    system =
        PodgraphSystem.start(
            new PodgraphSystem.Layout(
                root,
                root.resolve("launcher/target/visibility-test"),
                ports,
                "catalog_vistest",
                "guest_vistest",
                11,
                true));
    gateway = new GatewayClient(system);
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
      var report =
          ImportMain.importAll(
              List.of(ImportMain.seed()),
              URI.create(system.graphqlUrl()),
              DevTokens.editor(),
              true,
              out);
      assertTrue(report.failures().isEmpty(), report.summary().toString());
    }
  }

  @AfterAll
  void stopTheSystem() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  @Order(1)
  void aDraftIsInvisibleToAnonymousCallersOnEveryReadPathAndVisibleToEditors() throws Exception {
    JsonNode created =
        data(
            gateway.asEditor(
                """
                mutation { createEpisode(input: {number: 999, title: "Embargoed Interview",
                  summary: "An interview about embargoed launches."}) { id version status } }
                """,
                Map.of()));
    episodeId = created.path("createEpisode").path("id").asText();
    version = created.path("createEpisode").path("version").asInt();
    assertEquals("DRAFT", created.path("createEpisode").path("status").asText());
    String glyphId =
        data(gateway.query(GUEST_EPISODES, Map.of("slug", GLYPH)))
            .path("guest")
            .path("id")
            .asText();
    data(
        gateway.asEditor(
            """
            mutation($e: ID!, $g: ID!) { addAppearance(input: {episodeId: $e, guestId: $g,
              episodeNumber: 999, role: GUEST}) { order } }
            """,
            Map.of("e", episodeId, "g", glyphId)));

    Map<String, Map<String, Object>> reads =
        Map.of(
            "{ e: episode(number: 999) { title } }", Map.of(),
            "{ e: episode(slug: \"embargoed-interview\") { title } }", Map.of(),
            "query($id: ID) { e: episode(id: $id) { title } }", Map.of("id", episodeId));
    for (var read : reads.entrySet()) {
      assertTrue(
          data(gateway.query(read.getKey(), read.getValue())).path("e").isNull(), read.getKey());
      assertEquals(
          "Embargoed Interview",
          data(gateway.asEditor(read.getKey(), read.getValue())).path("e").path("title").asText(),
          read.getKey());
    }
    String drafts =
        "{ episodes(filter: {status: DRAFT}) { totalCount edges { node { number } } } }";
    assertEquals(0, data(gateway.query(drafts)).path("episodes").path("totalCount").asInt());
    assertEquals(
        1, data(gateway.asEditor(drafts, Map.of())).path("episodes").path("totalCount").asInt());
    String all = "{ episodes(first: 100) { totalCount edges { node { number } } } }";
    assertEquals(List.of(210, 201, 131, 116), numbers(data(gateway.query(all)).path("episodes")));
    assertEquals(4, data(gateway.query(all)).path("episodes").path("totalCount").asInt());
    assertEquals(
        List.of(999, 210, 201, 131, 116),
        numbers(data(gateway.asEditor(all, Map.of())).path("episodes")));
    String search =
        "{ searchEpisodes(text: \"embargoed\") { totalCount edges { node { number } } } }";
    assertEquals(0, data(gateway.query(search)).path("searchEpisodes").path("totalCount").asInt());
    assertEquals(
        List.of(999), numbers(data(gateway.asEditor(search, Map.of())).path("searchEpisodes")));

    // Entity resolution on catalog-service itself, as the gateway (or anyone) would call it.
    String entities =
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Episode { title } } }";
    Map<String, Object> reps =
        Map.of("r", List.of(Map.of("__typename", "Episode", "id", episodeId)));
    URI catalog = URI.create(system.baseUrl("catalog-service") + "/graphql");
    assertTrue(
        data(GatewayClient.post(catalog, entities, reps, null)).path("_entities").get(0).isNull());
    assertEquals(
        "Embargoed Interview",
        data(GatewayClient.post(catalog, entities, reps, DevTokens.editor()))
            .path("_entities")
            .get(0)
            .path("title")
            .asText());

    // The guest's episodes: guest-service learns of the draft from catalog's change feed.
    awaitGuestEpisodes(null, n -> n.equals(List.of(116)));
    awaitGuestEpisodes(DevTokens.editor(), n -> n.equals(List.of(999, 116)));
  }

  @Test
  @Order(2)
  void publishingShowsTheEpisodeToEveryoneEverywhere() throws Exception {
    JsonNode published =
        data(
            gateway.asEditor(
                "mutation($id: ID!, $v: Int!) { publishEpisode(id: $id, expectedVersion: $v) { version } }",
                Map.of("id", episodeId, "v", version)));
    version = published.path("publishEpisode").path("version").asInt();
    assertEquals(
        "Embargoed Interview",
        data(gateway.query("{ episode(number: 999) { title } }"))
            .path("episode")
            .path("title")
            .asText());
    assertEquals(
        List.of(999),
        numbers(
            data(gateway.query(
                    "{ searchEpisodes(text: \"embargoed\") { edges { node { number } } } }"))
                .path("searchEpisodes")));
    awaitGuestEpisodes(null, n -> n.equals(List.of(999, 116)));
  }

  @Test
  @Order(3)
  void anEpisodeDeletedWhileGuestServiceIsDownLeavesItsGuestsWhenItComesBack() throws Exception {
    system.stop("guest-service");
    data(
        gateway.asEditor(
            "mutation($id: ID!, $v: Int!) { deleteEpisode(id: $id, expectedVersion: $v) }",
            Map.of("id", episodeId, "v", version)));

    JsonNode answer = gateway.query(OutageDrill.FRONT_PAGE);
    JsonNode edges = answer.path("data").path("episodes").path("edges");
    assertEquals(4, edges.size(), answer.toString());
    for (int i = 0; i < edges.size(); i++) {
      assertTrue(edges.get(i).path("node").path("guests").isNull(), answer.toString());
      assertFalse(edges.get(i).path("node").path("title").asText().isEmpty());
    }
    List<String> errorPaths = new ArrayList<>();
    for (JsonNode error : answer.path("errors")) {
      assertEquals("UNAVAILABLE", error.path("extensions").path("code").asText(), error.toString());
      errorPaths.add(error.path("path").toString());
    }
    assertTrue(
        errorPaths.contains("[\"episodes\",\"edges\",0,\"node\",\"guests\"]"),
        errorPaths.toString());

    system.restart("guest-service");
    List<JsonNode> meanwhile = awaitGuestEpisodes(DevTokens.editor(), n -> n.equals(List.of(116)));
    meanwhile.forEach(a -> assertTrue(a.path("data").path("guest").isObject(), a.toString()));
    JsonNode appearances =
        data(
            GatewayClient.post(
                URI.create(system.baseUrl("guest-service") + "/graphql"),
                "{ guest(slug: \"" + GLYPH + "\") { appearances { episodeNumber } } }",
                Map.of(),
                DevTokens.editor()));
    assertEquals(
        "[{\"episodeNumber\":116}]", appearances.path("guest").path("appearances").toString());
  }

  @Test
  @Order(4)
  void outagesOfASubgraphADatabaseOrRedisCostOnlyWhatTheyMustAndOnlyBriefly() throws Exception {
    List<Phase> phases = OutageDrill.run(system, Duration.ofSeconds(5), 4);
    OutageDrill.print(phases, Duration.ofSeconds(5), 4);
    for (Phase phase : phases) {
      assertEquals(
          0,
          phase.count(Outcome.FAILED),
          phase.name()
              + ": "
              + phase.samples().stream()
                  .filter(s -> s.outcome() == Outcome.FAILED)
                  .findFirst()
                  .map(OutageDrill.Sample::answer)
                  .orElse(""));
    }
    Phase healthy = phases.get(0);
    assertEquals(healthy.samples().size(), healthy.count(Outcome.FULL));

    // Hung: nobody waits longer than the subgraph timeout (2 s) plus the rest of the query, and
    // once
    // the breaker is open requests do not wait for guest-service at all. The 100 ms figure of the
    // README is measured by the drill on a quiet machine; this shared 2-core test machine runs
    // three service JVMs beside the build, so the test holds "does not wait" (under 1 s, half the
    // timeout) for 95% of the requests started 3 s after the hang began.
    Phase hung = phases.get(1);
    assertTrue(hung.count(Outcome.PARTIAL) > 0, hung.row());
    assertTrue(
        hung.latency().getMaxValue() < 3_000_000_000L, "a request waited 3 s: " + hung.row());
    Histogram open = hung.latencyFrom(Duration.ofSeconds(3));
    double fast =
        (double) open.getCountBetweenValues(0, 1_000_000_000L) / Math.max(1, open.getTotalCount());
    assertTrue(open.getTotalCount() > 0 && fast >= 0.95, "not waiting once open: " + fast);
    assertTrue(hung.errorReasons().containsKey("CIRCUIT_OPEN"), hung.errorReasons().toString());

    Phase thawed = phases.get(2);
    assertTrue(
        thawed.fullAnswersFrom().orElseThrow().compareTo(Duration.ofSeconds(3)) < 0,
        "full answers after SIGCONT from " + thawed.fullAnswersFrom());

    Phase killed = phases.get(3);
    assertTrue(killed.count(Outcome.PARTIAL) > 0, killed.row());
    Phase restarted = phases.get(4);
    assertTrue(
        restarted.fullAnswersFrom().orElseThrow().compareTo(Duration.ofSeconds(3)) < 0,
        "full answers after the restart from " + restarted.fullAnswersFrom());

    // PostgreSQL connections cut every second under reads of both databases: validated
    // connections and one retry of a read leave no error INTERNAL (the loop above: none failed).
    // A request may still miss the gateway's 2 s deadline on this shared machine (TIMEOUT).
    Phase cut = phases.get(5);
    assertFalse(cut.name().contains("(0 cut)"), "the cuts met connections: " + cut.name());
    assertFalse(cut.errorReasons().containsKey("INTERNAL"), cut.errorReasons().toString());
    assertTrue(cut.count(Outcome.FULL) > 0, cut.row());

    // Redis paused for the whole phase: the caches step aside and reads go to PostgreSQL.
    Phase redisPaused = phases.get(6);
    assertFalse(
        redisPaused.errorReasons().containsKey("INTERNAL"), redisPaused.errorReasons().toString());
    assertTrue(redisPaused.count(Outcome.FULL) > 0, redisPaused.row());
  }

  @Test
  @Order(5)
  void aGatewayStoppedWithARequestInFlightAnswersItBeforeItExits() throws Exception {
    // Paused, guest-service keeps the front page waiting for its 2 s deadline: a slow request.
    system.pause("guest-service");
    try {
      CompletableFuture<HttpResponse<String>> inFlight =
          HttpClient.newHttpClient()
              .sendAsync(
                  HttpRequest.newBuilder(URI.create(system.graphqlUrl()))
                      .timeout(Duration.ofSeconds(30))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              GatewayClient.JSON.writeValueAsString(
                                  Map.of("query", OutageDrill.FRONT_PAGE))))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      Instant deadline = Instant.now().plusSeconds(10);
      while (gateway.metricTotal("http_server_active_requests") < 1) {
        assertFalse(inFlight.isDone(), "answered before the gateway was stopped");
        assertTrue(Instant.now().isBefore(deadline), "the request never became active");
        Thread.sleep(20); // polling interval of a condition with a deadline
      }

      system.stop("gateway"); // SIGTERM, and waits until the process has exited

      // Without a graceful shutdown the connection closes unanswered and get() throws.
      HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode(), answer.body());
      assertEquals(Outcome.PARTIAL, OutageDrill.classify(answer.body()), answer.body());
    } finally {
      system.resume("guest-service");
    }
  }

  /**
   * Polls Glyph's episode numbers (as anonymous when {@code token} is null) until they satisfy
   * {@code done}; returns every answer seen on the way. Guest-service follows catalog's change feed
   * asynchronously, so this waits for a condition with a deadline.
   */
  private List<JsonNode> awaitGuestEpisodes(String token, Predicate<List<Integer>> done)
      throws Exception {
    List<JsonNode> answers = new ArrayList<>();
    Instant deadline = Instant.now().plus(FEED_CATCH_UP);
    while (true) {
      JsonNode answer =
          GatewayClient.post(
              URI.create(system.graphqlUrl()), GUEST_EPISODES, Map.of("slug", GLYPH), token);
      answers.add(answer);
      List<Integer> numbers = new ArrayList<>();
      answer
          .path("data")
          .path("guest")
          .path("episodes")
          .forEach(e -> numbers.add(e.path("number").asInt()));
      if (!answer.has("errors") && done.test(numbers)) {
        return answers;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not caught up within " + FEED_CATCH_UP + ": " + answer);
      }
      Thread.sleep(100); // polling interval of a condition with a deadline
    }
  }

  private static List<Integer> numbers(JsonNode connection) {
    List<Integer> numbers = new ArrayList<>();
    connection.path("edges").forEach(e -> numbers.add(e.path("node").path("number").asInt()));
    return numbers;
  }

  private static JsonNode data(JsonNode answer) {
    assertTrue(answer.path("errors").isMissingNode(), answer.toString());
    assertTrue(answer.path("data").isObject(), answer.toString());
    return answer.path("data");
  }
}
