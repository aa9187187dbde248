package dev.podgraph.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podgraph.devinfra.DevTokens;
import dev.podgraph.devinfra.LocalRedis;
import dev.podgraph.importer.ImportMain;
import dev.podgraph.importer.client.ImportReport;
import dev.podgraph.launcher.OtlpTraceReceiver.ReceivedSpan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The gateway as front ends and the people who run it meet it, on one start of the whole system
 * (real processes, PostgreSQL, Redis, the seed show notes imported):
 *
 * <ul>
 *   <li>one client request is one OpenTelemetry trace, received by an OTLP collector started here:
 *       the gateway's spans, a server span in each subgraph under the gateway's fetch span, and the
 *       SQL statements and Redis commands behind them;
 *   <li>Apollo Client 4 and urql under Node ({@code src/test/node/clients.test.mjs}): CORS, automatic
 *       persisted queries, trusted documents on a second gateway in {@code require} mode, {@code
 *       @defer} as multipart;
 *   <li>the explorer page in a headless Chromium ({@code src/test/node/explorer.test.mjs}).
 * </ul>
 *
 * The Node parts run where {@code node} and {@code npm} (and {@code chromium}) are on the PATH and
 * are skipped with the reason otherwise; the packages are the ones {@code package-lock.json} pins,
 * installed into {@code target/node-clients}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontEndSystemTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path WORK = ROOT.resolve("launcher/target/front-end-test");
  private static final Path NODE_SOURCES = ROOT.resolve("launcher/src/test/node");
  private static final Path NODE_DIR = ROOT.resolve("launcher/target/node-clients");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private OtlpTraceReceiver collector;
  private PodgraphSystem system;
  private ServiceProcess trustedGateway;

  @BeforeAll
  void startTheSystemWithTracingAndATrustedDocumentsGateway() throws Exception {
    collector = OtlpTraceReceiver.start();
    Map<String, String> tracing =
        Map.of(
            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.endpoint(),
            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
            // Export each batch within 100 ms rather than 5 s, so the test waits less.
            "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms",
            // This test is not about slow subgraphs: on a loaded 2-core machine a cold service's
            // first answers can take over the gateway's 2 s, which would turn the seed import and
            // the clients' answers partial (the services ignore this gateway setting).
            "GATEWAY_SUBGRAPH_TIMEOUT", "15s");
    system =
        PodgraphSystem.start(
            new PodgraphSystem.Layout(
                ROOT, WORK, RunPorts.free(), "catalog_fetest", "guest_fetest", 7, true),
            tracing);
    ImportReport imported = importSeeds();
    assertTrue(imported.failures().isEmpty(), imported.summary().toString());

    // Production's mode, beside the development gateway: only the manifest's operations run.
    RunPorts ports = RunPorts.free();
    trustedGateway =
        ServiceProcess.start(
            "gateway-trusted-documents",
            ROOT.resolve("gateway/target/quarkus-app/quarkus-run.jar"),
            ports.gateway(),
            ports.gatewayManagement(),
            Map.of(
                "GATEWAY_SUBGRAPHS",
                "catalog="
                    + system.baseUrl("catalog-service")
                    + "/graphql,guest="
                    + system.baseUrl("guest-service")
                    + "/graphql",
                "GATEWAY_TRUSTED_DOCUMENTS_MODE",
                "require",
                "GATEWAY_TRUSTED_DOCUMENTS_MANIFESTS",
                NODE_SOURCES.resolve("persisted-query-manifest.json").toString(),
                "QUARKUS_REDIS_HOSTS",
                LocalRedis.server().uri(10),
                // No traces endpoint here: this gateway must export nothing (and so log no failed
                // export); a short batch delay makes an attempt show within the test.
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY",
                "100ms",
                "GATEWAY_SUBGRAPH_TIMEOUT",
                "15s"),
            WORK.resolve("logs"));
    trustedGateway.awaitReady(Duration.ofMinutes(3));
  }

  @AfterAll
  void stopEverything() {
    if (trustedGateway != null) {
      trustedGateway.stop();
    }
    if (system != null) {
      system.close();
    }
    if (collector != null) {
      collector.close();
    }
  }

  @Test
  void oneClientRequestIsOneTraceThroughTheGatewayBothSubgraphsPostgresAndRedis() throws Exception {
    String traceId = HexFormat.of().formatHex(randomBytes(16));
    String clientSpan = HexFormat.of().formatHex(randomBytes(8));
    // A search only this test makes: no cache has its answer, so PostgreSQL is asked.
    String query =
        "{ searchEpisodes(text: \"automat\", first: 5) { edges { node { number title"
            + " guests { name } } } } }";
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(system.graphqlUrl()))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        GatewayClient.JSON.writeValueAsString(Map.of("query", query))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = GatewayClient.JSON.readTree(answer.body());
    assertTrue(body.path("errors").isMissingNode(), answer.body());
    assertEquals(
        116,
        body.path("data")
            .path("searchEpisodes")
            .path("edges")
            .path(0)
            .path("node")
            .path("number")
            .asInt(),
        answer.body());

    Predicate<List<ReceivedSpan>> complete =
        spans ->
            has(spans, s -> s.service().equals("gateway") && s.name().equals("graphql.execute"))
                && has(spans, s -> s.service().equals("catalog-service") && isSql(s))
                && has(spans, s -> s.service().equals("guest-service") && isServer(s))
                && has(spans, s -> s.service().equals("catalog-service") && isServer(s));
    List<ReceivedSpan> trace = collector.awaitTrace(traceId, complete, Duration.ofSeconds(30));
    String seen = describe(trace);
    assertTrue(complete.test(trace), "incomplete trace:\n" + seen);

    // One tree: the gateway's server span continues the client's span, and each subgraph's server
    // span is a child of the gateway's fetch span for that subgraph.
    Map<String, ReceivedSpan> byId =
        trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, s -> s, (a, b) -> a));
    ReceivedSpan gatewayServer =
        trace.stream()
            .filter(s -> s.service().equals("gateway") && isServer(s))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no gateway server span:\n" + seen));
    assertEquals(clientSpan, gatewayServer.parentSpanId(), seen);
    for (String subgraph : List.of("catalog", "guest")) {
      ReceivedSpan server =
          trace.stream()
              .filter(s -> s.service().equals(subgraph + "-service") && isServer(s))
              .findFirst()
              .orElseThrow();
      ReceivedSpan parent = byId.get(server.parentSpanId());
      assertTrue(
          parent != null
              && parent.service().equals("gateway")
              && parent.name().equals("subgraph " + subgraph),
          subgraph + "-service's server span is not under the gateway's fetch span:\n" + seen);
    }
    // The SQL statement sits under catalog-service's server span (through the resolver).
    ReceivedSpan sql =
        trace.stream()
            .filter(s -> s.service().equals("catalog-service") && isSql(s))
            .findFirst()
            .orElseThrow();
    assertTrue(ancestors(sql, byId).anyMatch(FrontEndSystemTest::isServer), seen);
    assertTrue(
        has(trace, s -> "redis".equals(s.attributes().get("db.system"))),
        "no Redis command in the trace:\n" + seen);
  }

  @Test
  void apolloClientAndUrqlUnderNode() throws Exception {
    runNode("clients.test.mjs", Map.of());
  }

  /**
   * Spans without a traces endpoint go nowhere: the trusted-documents gateway, started without one,
   * served requests (its own test above, or the ones here) and never tried to send a batch. The
   * check watches its log for a second after the traffic, ten times its batch delay.
   */
  @Test
  void aGatewayWithoutATracesEndpointExportsNothing() throws Exception {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(trustedGateway.baseUrl() + "/graphql"))
                  .header("Content-Type", "application/json")
                  .header(
                      "traceparent",
                      "00-"
                          + HexFormat.of().formatHex(randomBytes(16))
                          + "-"
                          + HexFormat.of().formatHex(randomBytes(8))
                          + "-01")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), answer.body());
    }
    Path log = WORK.resolve("logs/gateway-trusted-documents.log");
    long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    while (System.nanoTime() < until) {
      String text = Files.readString(log);
      assertTrue(!text.contains("Failed to export"), "tried to export:\n" + text);
      trustedGateway.process().waitFor(100, TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void theExplorerPageInAHeadlessChromium() throws Exception {
    Optional<Path> chromium = onPath("chromium").or(() -> onPath("chromium-browser"));
    assumeTrue(chromium.isPresent(), "chromium is not on the PATH: explorer browser test skipped");
    runNode("explorer.test.mjs", Map.of("CHROMIUM", chromium.get().toString()));
  }

  private void runNode(String testFile, Map<String, String> env) throws Exception {
    assumeTrue(
        onPath("node").isPresent() && onPath("npm").isPresent(),
        "node/npm are not on the PATH: front-end client tests skipped");
    installClients();
    Path log = WORK.resolve(testFile + ".log");
    ProcessBuilder node =
        new ProcessBuilder("node", "--test", "--test-reporter=spec", testFile)
            .directory(NODE_DIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    node.environment().put("GATEWAY_URL", system.graphqlUrl());
    node.environment().put("TRUSTED_GATEWAY_URL", trustedGateway.baseUrl() + "/graphql");
    node.environment().putAll(env);
    Process process = node.start();
    boolean finished = process.waitFor(3, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertTrue(finished, testFile + " did not finish in 3 minutes:\n" + output);
    assertEquals(0, process.exitValue(), testFile + " failed:\n" + output);
  }

  /**
   * The locked packages into target/node-clients, once per build (npm ci when the lock changed).
   */
  private static synchronized void installClients() throws Exception {
    Files.createDirectories(NODE_DIR);
    for (String file :
        List.of(
            "package.json",
            "package-lock.json",
            "support.mjs",
            "clients.test.mjs",
            "explorer.test.mjs")) {
      Files.copy(
          NODE_SOURCES.resolve(file), NODE_DIR.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Path stamp = NODE_DIR.resolve("node_modules/.package-lock.json");
    if (Files.exists(stamp)
        && Files.getLastModifiedTime(stamp)
                .compareTo(Files.getLastModifiedTime(NODE_SOURCES.resolve("package-lock.json")))
            > 0) {
      return;
    }
    Path log = WORK.resolve("npm-ci.log");
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(NODE_DIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(npm.waitFor(5, TimeUnit.MINUTES), "npm ci did not finish in 5 minutes");
    // As composition's Apollo cross-check: no registry (offline CI) skips, with npm's own words.
    assumeTrue(
        npm.exitValue() == 0,
        "npm ci failed (offline?), front-end client tests skipped:\n" + Files.readString(log));
  }

  private ImportReport importSeeds() {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
      return ImportMain.importAll(
          List.of(ImportMain.seed()),
          URI.create(system.graphqlUrl()),
          DevTokens.editor(),
          true,
          out);
    }
  }

  private static boolean has(List<ReceivedSpan> spans, Predicate<ReceivedSpan> test) {
    return spans.stream().anyMatch(test);
  }

  private static boolean isServer(ReceivedSpan span) {
    return span.kind().equals("SPAN_KIND_SERVER");
  }

  private static boolean isSql(ReceivedSpan span) {
    return "postgresql".equals(span.attributes().get("db.system"))
        || "postgresql".equals(span.attributes().get("db.system.name"));
  }

  private static Stream<ReceivedSpan> ancestors(ReceivedSpan span, Map<String, ReceivedSpan> byId) {
    return Stream.iterate(
        byId.get(span.parentSpanId()), s -> s != null, s -> byId.get(s.parentSpanId()));
  }

  private static String describe(List<ReceivedSpan> spans) {
    return spans.stream()
        .map(
            s ->
                "  "
                    + s.service()
                    + " "
                    + s.kind()
                    + " '"
                    + s.name()
                    + "' id="
                    + s.spanId()
                    + " parent="
                    + s.parentSpanId()
                    + " "
                    + s.attributes().keySet().stream()
                        .filter(k -> k.startsWith("db."))
                        .collect(Collectors.toCollection(java.util.TreeSet::new)))
        .collect(Collectors.joining("\n"));
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  private static Optional<Path> onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(java.io.File.pathSeparator))
        .map(dir -> Path.of(dir, command))
        .filter(Files::isExecutable)
        .findFirst();
  }

  static {
    try {
      Files.createDirectories(WORK);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
