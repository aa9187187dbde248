package dev.podgraph.importer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podgraph.importer.ImportMain;
import dev.podgraph.importer.client.DocumentResult.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import client against a fake GraphQL endpoint that records what it is sent. */
class ImportRunTest {
  private final ObjectMapper json = new ObjectMapper();
  private FakeGateway gateway;
  private final List<String> progress = new ArrayList<>();
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    gateway = new FakeGateway();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private ImportReport importing(String token, Source... sources) {
    GatewayApi api = new GatewayApi(new GraphQLClient(gateway.uri(), token, json));
    return new ImportRun(api, json, true, waits::add).run(List.of(sources), progress::add);
  }

  /** Progress without the indented decision lines. */
  private List<String> documentLines() {
    return progress.stream().filter(l -> !l.startsWith(" ")).toList();
  }

  private ImportReport importing(Source... sources) {
    return importing(FakeGateway.TOKEN, sources);
  }

  @Test
  void importsTheSeedEpisodesPeopleAndAppearances() {
    ImportReport report = importing(ImportMain.seed());

    assertEquals(1, report.count(Status.IMPORTED));
    assertEquals(
        Map.of(210, Change.CREATED, 201, Change.CREATED, 131, Change.CREATED, 116, Change.CREATED),
        report.documents().getFirst().episodes());
    assertEquals(List.of(210, 201, 131, 116), List.copyOf(gateway.episodes.keySet()));
    // Show notes describe episodes that are out: new ones are published.
    gateway.episodes.values().forEach(e -> assertEquals("PUBLISHED", e.path("status").asText()));
    assertEquals(
        List.of(
            "tobias-macey",
            "glyph-lefkowitz",
            "john-bywater",
            "andy-mccurdy",
            "christoph-zimmerman",
            "david-holmes"),
        List.copyOf(gateway.guests.keySet()));
    // One host and five guest appearances over four episodes.
    assertEquals(4 + 5, gateway.requests("AddAppearance").size());
    assertEquals(6, gateway.requests("CreateGuest").size());
    assertEquals(
        "000_2cd4391fef5e7f85.txt: imported (#116 created, #131 created, #201 created, #210 created;"
            + " people: andy-mccurdy created, christoph-zimmerman created, david-holmes created,"
            + " glyph-lefkowitz created, john-bywater created, tobias-macey created)",
        progress.getFirst());
    assertEquals(
        "    #201 guest \"Dr. Christoph Zimmerman\" -> Christoph Zimmerman (christoph-zimmerman):"
            + " full name, as named in full in episode 201",
        progress.stream().filter(l -> l.contains("#201 guest \"Dr.")).findFirst().orElseThrow());
  }

  @Test
  void sendsWhatTheNotesSayAsAnEditor() {
    importing(ImportMain.seed());

    gateway
        .mutations()
        .forEach(r -> assertEquals("Bearer " + FakeGateway.TOKEN, r.authorization()));
    JsonNode redis = gateway.requests("CreateEpisode").get(1).variables().path("input");
    assertEquals(201, redis.path("number").asInt());
    assertEquals(
        "How To Include Redis In Your Application Architecture", redis.path("title").asText());
    assertEquals("Software Architecture", redis.path("category").asText());
    assertEquals("Clubhouse", redis.path("sponsors").get(1).path("name").asText());
    assertEquals(
        "https://pythonpodcast.com/clubhouse", redis.path("sponsors").get(1).path("url").asText());
    assertEquals("Announcements", redis.path("announcementsHeading").asText());
    // Nothing parsed is dropped: the topic and the music credit's parts have fields too.
    assertEquals(
        "the Redis database, and some of the various ways that it is used by Python developers",
        redis.path("topic").asText());
    assertEquals("Requiem for a Fish", redis.path("musicWork").asText());
    assertEquals("The Freak Fandango Orchestra", redis.path("musicArtist").asText());
    assertEquals("CC BY-SA", redis.path("musicLicense").asText());
    assertEquals(3, redis.path("questions").get(5).path("followUps").size());
    assertEquals(
        "How closely does redis-py match the features of the Redis database?",
        redis.path("questions").get(5).path("followUps").get(1).asText());
    assertEquals(
        "Requiem for a Fish The Freak Fandango Orchestra / CC BY-SA",
        redis.path("musicCredit").asText());
    assertEquals("Preface", gateway.episodes.get(131).path("announcementsHeading").asText());

    JsonNode christoph = gateway.guests.get("christoph-zimmerman");
    assertEquals("Christoph Zimmerman", christoph.path("name").asText());
    assertEquals("Dr.", christoph.path("honorific").asText());
    assertEquals("redis-py", christoph.path("projects").get(0).asText());
    assertEquals(
        "the current director of engineering for the USDS",
        gateway.guests.get("david-holmes").path("bio").asText());

    JsonNode hostOn201 = gateway.requests("AddAppearance").get(2).variables().path("input");
    assertEquals("HOST", hostOn201.path("role").asText());
    assertEquals(0, hostOn201.path("order").asInt());
    assertEquals(201, hostOn201.path("episodeNumber").asInt());
    assertEquals(
        gateway.guests.get("tobias-macey").path("id").asText(), hostOn201.path("guestId").asText());
    JsonNode christophOn201 = gateway.requests("AddAppearance").get(4).variables().path("input");
    assertEquals("GUEST", christophOn201.path("role").asText());
    assertEquals(2, christophOn201.path("order").asInt());
    assertEquals(
        gateway.episodes.get(201).path("id").asText(), christophOn201.path("episodeId").asText());
  }

  @Test
  void importingTheSameTextTwiceChangesNothing() {
    importing(ImportMain.seed());
    int mutationsAfterFirst = gateway.mutations().size();
    String episodesAfterFirst = gateway.episodes.toString();
    String peopleAfterFirst = gateway.guests.toString();

    ImportReport again = importing(ImportMain.seed());

    assertEquals(mutationsAfterFirst, gateway.mutations().size());
    assertEquals(episodesAfterFirst, gateway.episodes.toString());
    assertEquals(peopleAfterFirst, gateway.guests.toString());
    assertEquals(1, again.count(Status.UNCHANGED));
    assertEquals(
        "000_2cd4391fef5e7f85.txt: unchanged (#116 unchanged, #131 unchanged, #201 unchanged, #210"
            + " unchanged; people: andy-mccurdy unchanged, christoph-zimmerman unchanged,"
            + " david-holmes unchanged, glyph-lefkowitz unchanged, john-bywater unchanged,"
            + " tobias-macey unchanged)",
        documentLines().getLast());
  }

  @Test
  void anEditedTextUpdatesTheEpisodeInPlaceAndAddsTheNewGuest() {
    importing(ImportMain.seed());
    String id201 = gateway.episodes.get(201).path("id").asText();
    Source edited =
        new Source(
            "edited.txt",
            ImportMain.seed()
                .text()
                .replace(
                    "recently celebrated its 10th birthday", "celebrated its 10th birthday in 2019")
                .replace(
                    "interviewing Andy McCurdy and Christoph Zimmerman",
                    "interviewing Andy McCurdy, Christoph Zimmerman and Salvatore Sanfilippo"));

    ImportReport report = importing(edited);

    assertEquals(Change.UPDATED, report.documents().getFirst().episodes().get(201));
    assertEquals(Change.UNCHANGED, report.documents().getFirst().episodes().get(210));
    assertEquals(1, gateway.requests("UpdateEpisode").size());
    assertEquals(
        id201, gateway.requests("UpdateEpisode").getFirst().variables().path("id").asText());
    assertEquals(0, gateway.requests("CreateEpisode").size() - 4);
    assertTrue(gateway.episodes.get(201).path("summary").asText().contains("birthday in 2019"));
    assertTrue(gateway.guests.containsKey("salvatore-sanfilippo"));
    JsonNode added = gateway.requests("AddAppearance").getLast().variables().path("input");
    assertEquals(
        gateway.guests.get("salvatore-sanfilippo").path("id").asText(),
        added.path("guestId").asText());
    assertEquals(3, added.path("order").asInt());
  }

  @Test
  void aRejectedDocumentWritesNothingAndTheOthersGoOn() {
    Source junk = new Source("junk.txt", "Dear diary,\nToday nothing happened.\n");

    ImportReport report = importing(junk, ImportMain.seed());

    assertEquals(1, report.count(Status.FAILED));
    assertEquals(1, report.count(Status.IMPORTED));
    assertTrue(
        progress.getFirst().startsWith("[1/2] junk.txt: failed: not show notes"),
        progress.getFirst());
    assertEquals(4, gateway.episodes.size());
    assertTrue(
        report.summary().getFirst().startsWith("Summary: 1 imported, 0 unchanged, 1 failed"));
    assertTrue(report.summary().get(1).startsWith("  failed: junk.txt: not show notes"));
  }

  @Test
  void anApiErrorFailsItsDocumentWithTheCodeAndMessage() {
    gateway.failOn("CreateEpisode", "BAD_USER_INPUT", "title is too long");

    ImportReport report = importing(ImportMain.seed());

    assertEquals(1, report.count(Status.FAILED));
    assertEquals(
        "episode 210: CreateEpisode failed: BAD_USER_INPUT: title is too long",
        report.failures().getFirst().reason());
  }

  @Test
  void withoutATokenTheMutationsAreRefusedAndReported() {
    ImportReport report = importing((String) null, ImportMain.seed());

    assertEquals(1, report.count(Status.FAILED));
    assertTrue(report.failures().getFirst().reason().contains("UNAUTHENTICATED"));
    gateway.requests.forEach(r -> assertEquals(null, r.authorization()));
  }

  @Test
  void anUnreachableGatewayIsReportedAsUnavailableAfterEveryRetry() {
    gateway.close();

    ImportReport report = importing(ImportMain.seed());

    assertTrue(
        report.failures().getFirst().reason().contains("UNAVAILABLE"),
        report.failures().getFirst().reason());
    assertEquals(ImportRun.RETRY_WAITS, waits);
  }

  @Test
  void anEpisodeMeetingAnUnavailableSubgraphIsImportedAgainAfterAWait() {
    gateway.failOn("CreateEpisode", "UNAVAILABLE", "Subgraph 'catalog' is unavailable", 2);

    ImportReport report = importing(ImportMain.seed());

    assertEquals(1, report.count(Status.IMPORTED), report.summary().toString());
    assertEquals(List.of(210, 201, 131, 116), List.copyOf(gateway.episodes.keySet()));
    assertEquals(ImportRun.RETRY_WAITS.subList(0, 2), waits);
  }

  @Test
  void anEpisodeCreatedButNotPublishedByAFailedAttemptIsPublishedByTheRetry() {
    // createEpisode answered, then publishEpisode met an unavailable subgraph: the retry finds a
    // draft this run created and must finish publishing it, not report it unchanged.
    gateway.failOn("PublishEpisode", "UNAVAILABLE", "Subgraph 'catalog' timed out", 1);

    ImportReport report = importing(ImportMain.seed());

    assertEquals(1, report.count(Status.IMPORTED), report.summary().toString());
    for (ObjectNode episode : gateway.episodes.values()) {
      assertEquals("PUBLISHED", episode.path("status").asText(), episode.toString());
    }
    assertEquals(gateway.episodes.size() + 1, gateway.requests("PublishEpisode").size());
  }

  @Test
  void aDraftThisRunDidNotCreateKeepsItsStatus() {
    importing(ImportMain.seed());
    ObjectNode draft = gateway.episodes.values().iterator().next();
    draft.put("status", "DRAFT");
    int publishes = gateway.requests("PublishEpisode").size();

    importing(ImportMain.seed());

    assertEquals("DRAFT", draft.path("status").asText());
    assertEquals(publishes, gateway.requests("PublishEpisode").size());
  }

  @Test
  void otherErrorsAreNotRetried() {
    gateway.failOn("CreateEpisode", "BAD_USER_INPUT", "title is too long");

    importing(ImportMain.seed());

    assertEquals(List.of(), waits);
    assertEquals(1, gateway.requests("CreateEpisode").size());
  }

  @Test
  void aPersonDescribedAgainKeepsWhatEditorsAddedAndGainsWhatIsNew() {
    importing(ImportMain.seed());
    gateway.guests.get("glyph-lefkowitz").putArray("links").add("https://glyph.twistedmatrix.com");
    Source later =
        new Source(
            "later.txt",
            "Mimic with Glyph Lefkowitz - Episode 300\n\nSummary\n\nGlyph, a long-time Twisted"
                + " maintainer, explains how the Mimic project fakes cloud APIs.\n\nAnnouncements\n\n"
                + "  • Your host as usual is Tobias Macey and today I’m interviewing Glyph about Mimic\n");

    ImportReport report = importing(later);

    assertEquals(Change.CREATED, report.documents().getFirst().episodes().get(300));
    assertEquals(1, gateway.requests("UpdateGuest").size());
    JsonNode update = gateway.requests("UpdateGuest").getFirst().variables();
    assertEquals(
        gateway.guests.get("glyph-lefkowitz").path("id").asText(), update.path("id").asText());
    assertEquals(0, update.path("expectedVersion").asInt());
    assertEquals("Glyph Lefkowitz", update.path("input").path("name").asText());
    assertEquals("a long-time Twisted maintainer", update.path("input").path("bio").asText());
    assertEquals(
        List.of("Automat", "Twisted", "Mimic"),
        json.convertValue(update.path("input").path("projects"), List.class));
    assertEquals(
        List.of("https://glyph.twistedmatrix.com"),
        json.convertValue(update.path("input").path("links"), List.class));
    // Tobias Macey and Glyph are the existing people, not new ones.
    assertEquals(6, gateway.guests.size());
  }

  @Test
  void aDryRunReadsTheCatalogReportsWhatWouldChangeAndWritesNothing() {
    importing(ImportMain.seed());
    int mutations = gateway.mutations().size();
    String people = gateway.guests.toString();
    Source later =
        new Source(
            "later.txt",
            "Mimic - Episode 300\n\nSummary\n\nGlyph, a long-time Twisted maintainer, explains"
                + " Mimic.\n\nAnnouncements\n\n  • Your host as usual is Tobias Macey and today"
                + " I’m interviewing Glyph and Ada Lovelace about Mimic\n");
    DryRunApi dryRun = new DryRunApi(new GatewayApi(new GraphQLClient(gateway.uri(), null, json)));

    ImportReport report =
        new ImportRun(dryRun, json, true, waits::add).run(List.of(later), progress::add);

    assertEquals(mutations, gateway.mutations().size(), "a dry run sends no mutation");
    assertEquals(people, gateway.guests.toString());
    assertEquals(4, gateway.episodes.size());
    DocumentResult result = report.documents().getFirst();
    assertEquals(Map.of(300, Change.CREATED), result.episodes());
    assertEquals(
        Map.of(
            "tobias-macey", Change.UPDATED,
            "glyph-lefkowitz", Change.UPDATED,
            "ada-lovelace", Change.CREATED),
        result.people());
    // createEpisode, publish, Glyph's bio and project, Ada, three appearances.
    assertEquals(7, dryRun.writesSkipped());
    assertTrue(
        result
            .decisions()
            .contains(
                "#300 guest \"Glyph\" -> Glyph Lefkowitz (glyph-lefkowitz): first or last name of the"
                    + " only known person it fits (in the catalog)"),
        result.decisions().toString());
  }

  @Test
  void aDocumentNamingSomeoneAmbiguouslyWritesNothingAndTheOthersGoOn() {
    importing(
        new Source(
            "two-andys.txt",
            PeopleNotes.of(
                400, "Caching", "Caching.", "Andy Smith and Andy McCurdy about caching")));
    int peopleBefore = gateway.requests("CreateGuest").size();
    progress.clear();

    ImportReport report =
        importing(
            new Source(
                "ambiguous.txt", PeopleNotes.of(401, "Queues", "Queues.", "Andy about queues")),
            new Source(
                "clear.txt",
                PeopleNotes.of(402, "Streams", "Streams.", "Andy Smith about streams")));

    DocumentResult refused = report.documents().getFirst();
    assertEquals(Status.FAILED, refused.status());
    assertTrue(
        refused
            .reason()
            .startsWith(
                "ambiguous names, nothing of this document was written: episode 401: \"Andy\" could"
                    + " be Andy Smith (andy-smith, in the catalog) or Andy McCurdy"),
        refused.reason());
    assertEquals(Status.IMPORTED, report.documents().get(1).status());
    assertTrue(gateway.episodes.containsKey(402));
    assertTrue(!gateway.episodes.containsKey(401));
    // Episode 402 and its appearances; nothing for 401, and no new person.
    assertEquals(peopleBefore, gateway.requests("CreateGuest").size());
    assertEquals(
        List.of(400, 402),
        gateway.requests("CreateEpisode").stream()
            .map(r -> r.variables().path("input").path("number").asInt())
            .toList());
    assertEquals(
        List.of(),
        gateway.requests("AddAppearance").stream()
            .filter(r -> r.variables().path("input").path("episodeNumber").asInt() == 401)
            .toList());
    assertEquals(
        2,
        gateway.requests("AddAppearance").stream()
            .filter(r -> r.variables().path("input").path("episodeNumber").asInt() == 402)
            .count());
  }
}
