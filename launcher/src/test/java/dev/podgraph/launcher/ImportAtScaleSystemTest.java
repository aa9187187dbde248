package dev.podgraph.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podgraph.devinfra.DevTokens;
import dev.podgraph.importer.ImportMain;
import dev.podgraph.importer.client.Change;
import dev.podgraph.importer.client.DocumentResult;
import dev.podgraph.importer.client.DocumentResult.Status;
import dev.podgraph.importer.client.ImportReport;
import dev.podgraph.importer.client.ImportRun;
import dev.podgraph.importer.client.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The import as an editor runs it, against the real system (real processes, PostgreSQL and Redis):
 * 500 generated show-notes documents with returning guests written the ways notes write them,
 * imported in under 2 minutes and imported again as a no-op in under 30 s; then, on that catalog, a
 * returning guest named by first name only (with and without the full name in the summary), an
 * ambiguous first name, honorific variants and a dry run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportAtScaleSystemTest {
  static final int DOCUMENTS = 500;
  static final int FIRST_NUMBER = 1000;
  private static final String GUESTS_PAGE =
      """
      query People($after: String) {
        guests(first: 20, after: $after) {
          totalCount
          edges { node { slug name honorific episodes { number } } }
          pageInfo { hasNextPage endCursor }
        }
      }
      """;

  private PodgraphSystem system;
  private final ShowNotesGenerator generator = new ShowNotesGenerator();
  private List<Source> documents;
  private final List<String> figures = new ArrayList<>();
  private double firstImportSeconds = Double.NaN;
  private double loadBeforeFirstImport = Double.NaN;

  /**
   * Above this 1-minute load average before the import (the system started, nothing asked of it)
   * the machine (2 cores) is busy with other builds, and a wall-clock budget says more about them
   * than about the import: the figure is still recorded, the budget not judged.
   */
  static final double UNSHARED_LOAD = 4.0;

  @BeforeAll
  void startTheSystem() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    system =
        PodgraphSystem.start(
            new PodgraphSystem.Layout(
                root,
                root.resolve("launcher/target/import-test"),
                RunPorts.free(),
                "catalog_importtest",
                "guest_importtest",
                13,
                true));
    documents = generator.documents(DOCUMENTS, FIRST_NUMBER, 15L);
  }

  @AfterAll
  void stopTheSystem() throws IOException {
    if (system != null) {
      system.close();
    }
    Path out = Path.of("target/import-scale.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, figures);
  }

  @Test
  @Order(1)
  void fiveHundredDocumentsImportInUnderTwoMinutesWithEveryReturningGuestRecognised()
      throws Exception {
    loadBeforeFirstImport = loadAverage();
    long started = System.nanoTime();
    ImportReport report = importing(documents, false);
    double seconds = (System.nanoTime() - started) / 1e9;
    firstImportSeconds = seconds;
    figure(
        "first import of %d documents: %.1f s (load average %.1f before, %s after)",
        DOCUMENTS, seconds, loadBeforeFirstImport, load());

    assertEquals(List.of(), report.failures(), report.summary().toString());
    assertEquals(DOCUMENTS, report.count(Status.IMPORTED));

    // guest-service learns that an episode was published from catalog's change feed (about a
    // second, longer under load): wait for the host to be on every episode before comparing.
    Map<String, Set<Integer>> stored =
        awaitStored(people -> people.getOrDefault("tobias-macey", Set.of()).size() == DOCUMENTS);
    // One person per guest of the generator and the host: no "Ada" beside "Ada Lovelace".
    Map<String, Set<Integer>> expected = generator.appearances();
    assertEquals(expected.size() + 1, stored.size(), stored.keySet().toString());
    for (Map.Entry<String, Set<Integer>> guest : expected.entrySet()) {
      assertEquals(
          new TreeSet<>(guest.getValue()),
          stored.get(guest.getKey()),
          guest.getKey() + " is on every episode that names them, however it names them");
    }
    assertEquals(DOCUMENTS, stored.get("tobias-macey").size());
  }

  @Test
  @Order(2)
  void theFirstImportTakesUnderTwoMinutes() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        loadBeforeFirstImport < UNSHARED_LOAD,
        String.format(
            Locale.ROOT,
            "machine shared with other builds (load average %.1f on 2 cores): %.1f s not judged",
            loadBeforeFirstImport,
            firstImportSeconds));
    assertTrue(firstImportSeconds < 120, "took " + firstImportSeconds + " s");
  }

  @Test
  @Order(3)
  void importingTheSameFolderAgainChangesNothingInUnderThirtySeconds() throws Exception {
    JsonNode before = versions();
    long started = System.nanoTime();
    ImportReport report = importing(documents, false);
    double seconds = (System.nanoTime() - started) / 1e9;
    figure(
        "second import of the same %d documents (no-op): %.1f s (load average %s)",
        DOCUMENTS, seconds, load());

    assertEquals(DOCUMENTS, report.count(Status.UNCHANGED), report.summary().toString());
    assertEquals(before, versions(), "no episode or person was written");
    assertTrue(seconds < 30, "took " + seconds + " s");
  }

  @Test
  @Order(4)
  void aReturningGuestNamedByFirstNameOnlyIsTheExistingPerson() throws Exception {
    ShowNotesGenerator.Guest ada = unique();
    int withoutSummary = 5000;
    int withSummary = 5001;
    ImportReport report =
        importing(
            List.of(
                new Source(
                    "first-name-only.txt",
                    ShowNotesGenerator.episode(
                        withoutSummary, "Caching", List.of(ada.first()), List.of(ada.first()))),
                new Source(
                    "first-name-and-summary.txt",
                    ShowNotesGenerator.episode(
                        withSummary, "Testing", List.of(ada.first()), List.of(ada.full())))),
            false);

    assertEquals(List.of(), report.failures(), report.summary().toString());
    Set<Integer> episodes =
        awaitStored(
                people ->
                    people
                        .getOrDefault(ada.slug(), Set.of())
                        .containsAll(List.of(withoutSummary, withSummary)))
            .get(ada.slug());
    assertTrue(episodes.containsAll(List.of(withoutSummary, withSummary)), episodes.toString());
    assertEquals(
        List.of(),
        GatewayClient.post(
                    URI.create(system.graphqlUrl()),
                    "query($slug: String!) { guest(slug: $slug) { slug } }",
                    Map.of("slug", ada.first().toLowerCase(Locale.ROOT)),
                    null)
                .path("data")
                .path("guest")
                .isNull()
            ? List.of()
            : List.of("a second person called " + ada.first()));
    String decisions = String.join("\n", report.documents().getFirst().decisions());
    assertTrue(
        decisions.contains(
            "guest \""
                + ada.first()
                + "\" -> "
                + ada.full()
                + " ("
                + ada.slug()
                + "): first or"
                + " last name of the only known person it fits (in the catalog)"),
        decisions);
    assertTrue(
        report.documents().get(1).decisions().toString().contains("completed to " + ada.full()),
        report.documents().get(1).decisions().toString());
  }

  @Test
  @Order(5)
  void anAmbiguousFirstNameIsRefusedWithTheReasonAndWritesNothing() throws Exception {
    String shared =
        generator.pool().stream()
            .map(ShowNotesGenerator.Guest::first)
            .filter(generator::ambiguous)
            .findFirst()
            .orElseThrow();
    int before = storedAppearances().size();

    ImportReport report =
        importing(
            List.of(
                new Source(
                    "ambiguous.txt",
                    ShowNotesGenerator.episode(
                        5002, "Profiling", List.of(shared), List.of(shared)))),
            false);

    DocumentResult refused = report.documents().getFirst();
    assertEquals(Status.FAILED, refused.status());
    assertTrue(
        refused.reason().contains("episode 5002: \"" + shared + "\" could be "), refused.reason());
    assertTrue(refused.reason().contains("nothing in the notes decides"), refused.reason());
    assertTrue(
        editor("query { episode(number: 5002) { id } }").path("episode").isNull(),
        "the refused episode was not written");
    assertEquals(before, storedAppearances().size());
  }

  @Test
  @Order(6)
  void honorificsNeverCreateASecondPerson() throws Exception {
    ShowNotesGenerator.Guest g = generator.pool().get(3);
    int before = storedAppearances().size();
    List<Source> variants = new ArrayList<>();
    List<String> written =
        List.of("Dr. " + g.full(), "Dr " + g.full(), "Prof. " + g.last(), "Dr. " + g.first());
    for (int i = 0; i < written.size(); i++) {
      variants.add(
          new Source(
              "honorific-" + i + ".txt",
              ShowNotesGenerator.episode(
                  5010 + i, "Packaging", List.of(written.get(i)), List.of(g.first()))));
    }

    ImportReport report = importing(variants, false);

    assertEquals(List.of(), report.failures(), report.summary().toString());
    Map<String, Set<Integer>> stored =
        awaitStored(
            people ->
                people
                    .getOrDefault(g.slug(), Set.of())
                    .containsAll(List.of(5010, 5011, 5012, 5013)));
    assertEquals(before, stored.size(), "no new person");
    assertTrue(stored.get(g.slug()).containsAll(List.of(5010, 5011, 5012, 5013)));
    assertEquals(
        "Dr.",
        editor("query { guest(slug: \"" + g.slug() + "\") { honorific } }")
            .path("guest")
            .path("honorific")
            .asText());
  }

  @Test
  @Order(7)
  void aDryRunReportsWhatWouldChangeAndWritesNothing() throws Exception {
    ShowNotesGenerator.Guest ada = unique();
    JsonNode before = versions();
    Map<String, Set<Integer>> appearancesBefore = storedAppearances();
    List<Source> sources =
        List.of(
            new Source(
                "dry.txt",
                ShowNotesGenerator.episode(
                    6000,
                    "Caching",
                    List.of(ada.first(), "Newton Quill"),
                    List.of(ada.full(), "Newton Quill"))),
            documents.get(7));

    ImportReport report = importing(sources, true);

    DocumentResult dry = report.documents().getFirst();
    assertEquals(Status.IMPORTED, dry.status(), report.summary().toString());
    assertEquals(Map.of(6000, Change.CREATED), dry.episodes());
    assertEquals(Change.CREATED, dry.people().get("newton-quill"));
    assertEquals(Change.UPDATED, dry.people().get(ada.slug()), "an appearance would be added");
    assertEquals(Status.UNCHANGED, report.documents().get(1).status());
    assertTrue(editor("query { episode(number: 6000) { id } }").path("episode").isNull());
    assertTrue(
        GatewayClient.post(
                URI.create(system.graphqlUrl()),
                "{ guest(slug: \"newton-quill\") { id } }",
                Map.of(),
                null)
            .path("data")
            .path("guest")
            .isNull());
    assertEquals(before, versions());
    assertEquals(appearancesBefore, storedAppearances());
  }

  private ShowNotesGenerator.Guest unique() {
    return generator.pool().stream()
        .filter(g -> !generator.ambiguous(g.first()))
        .findFirst()
        .orElseThrow();
  }

  private ImportReport importing(List<Source> sources, boolean dryRun) {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
      return ImportMain.importAll(
          sources,
          URI.create(system.graphqlUrl()),
          DevTokens.editor(),
          new ImportMain.Options(true, dryRun, ImportRun.DEFAULT_PARALLELISM),
          out);
    }
  }

  private JsonNode editor(String query) throws Exception {
    JsonNode answer =
        GatewayClient.post(URI.create(system.graphqlUrl()), query, Map.of(), DevTokens.editor());
    assertTrue(answer.path("errors").isMissingNode(), answer.toString());
    return answer.path("data");
  }

  /**
   * A read as an editor; on this shared 2-core machine a subgraph may miss the gateway's 2 s
   * deadline under load, so an UNAVAILABLE answer is asked again, at most five times.
   */
  private JsonNode editorWithRetries(String query, Map<String, Object> variables) throws Exception {
    JsonNode answer = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      answer =
          GatewayClient.post(URI.create(system.graphqlUrl()), query, variables, DevTokens.editor());
      if (answer.path("errors").isMissingNode()) {
        return answer;
      }
      if (!answer.toString().contains("UNAVAILABLE")) {
        break;
      }
    }
    throw new AssertionError(String.valueOf(answer));
  }

  /**
   * {@link #storedAppearances()} once {@code caughtUp} holds for it, or as it is after 60 s: a
   * guest's episodes show a new episode once guest-service has read catalog's change feed.
   */
  private Map<String, Set<Integer>> awaitStored(
      java.util.function.Predicate<Map<String, Set<Integer>>> caughtUp) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    Map<String, Set<Integer>> stored = storedAppearances();
    while (!caughtUp.test(stored) && System.nanoTime() < deadline) {
      stored = storedAppearances();
    }
    return stored;
  }

  /** Every person's slug and the numbers of the episodes they appear on. */
  private Map<String, Set<Integer>> storedAppearances() throws Exception {
    Map<String, Set<Integer>> stored = new HashMap<>();
    String after = null;
    do {
      Map<String, Object> variables = new HashMap<>();
      variables.put("after", after);
      JsonNode answer = editorWithRetries(GUESTS_PAGE, variables);
      JsonNode page = answer.path("data").path("guests");
      for (JsonNode edge : page.path("edges")) {
        Set<Integer> numbers = new TreeSet<>();
        edge.path("node").path("episodes").forEach(e -> numbers.add(e.path("number").asInt()));
        stored.put(edge.path("node").path("slug").asText(), numbers);
      }
      after =
          page.path("pageInfo").path("hasNextPage").asBoolean()
              ? page.path("pageInfo").path("endCursor").asText()
              : null;
    } while (after != null);
    return stored;
  }

  /** Versions and update times of every episode and person: any write changes one. */
  private JsonNode versions() throws Exception {
    StringBuilder all = new StringBuilder();
    String after = null;
    do {
      Map<String, Object> variables = new HashMap<>();
      variables.put("after", after);
      JsonNode answer =
          editorWithRetries(
              "query($after: String) { episodes(first: 100, after: $after) { edges { node {"
                  + " number version updatedAt } } pageInfo { hasNextPage endCursor } } }",
              variables);
      JsonNode page = answer.path("data").path("episodes");
      all.append(page.path("edges"));
      after =
          page.path("pageInfo").path("hasNextPage").asBoolean()
              ? page.path("pageInfo").path("endCursor").asText()
              : null;
    } while (after != null);
    after = null;
    do {
      Map<String, Object> variables = new HashMap<>();
      variables.put("after", after);
      JsonNode answer =
          editorWithRetries(
              "query($after: String) { guests(first: 100, after: $after) { edges { node {"
                  + " slug version updatedAt } } pageInfo { hasNextPage endCursor } } }",
              variables);
      JsonNode page = answer.path("data").path("guests");
      all.append(page.path("edges"));
      after =
          page.path("pageInfo").path("hasNextPage").asBoolean()
              ? page.path("pageInfo").path("endCursor").asText()
              : null;
    } while (after != null);
    return GatewayClient.JSON.getNodeFactory().textNode(all.toString());
  }

  /** The machine's 1-minute load average: the figures mean little without it on 2 cores. */
  private static String load() {
    return String.format(Locale.ROOT, "%.1f", loadAverage());
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private void figure(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    figures.add(line);
    System.out.println("[import-scale] " + line);
  }
}
