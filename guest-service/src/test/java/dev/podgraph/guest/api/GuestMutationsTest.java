package dev.podgraph.guest.api;

import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static dev.podgraph.devinfra.GraphQLAssured.post;
import static dev.podgraph.devinfra.GraphQLAssured.withToken;
import static dev.podgraph.guest.GuestFixtures.CREATE;
import static dev.podgraph.guest.GuestFixtures.appear;
import static dev.podgraph.guest.GuestFixtures.guest;
import static dev.podgraph.guest.GuestFixtures.guestId;
import static dev.podgraph.guest.GuestFixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.devinfra.DevTokens;
import dev.podgraph.guest.GuestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GuestInfra.class)
class GuestMutationsTest {
  private static final String UPDATE =
      "mutation($id: ID!, $v: Int!, $input: UpdateGuestInput!) {"
          + " updateGuest(id: $id, expectedVersion: $v, input: $input) {"
          + " id name slug honorific bio projects links version updatedAt } }";
  private static final String DELETE =
      "mutation($id: ID!, $v: Int!) { deleteGuest(id: $id, expectedVersion: $v) }";
  private static final String MERGE =
      "mutation($s: ID!, $m: ID!) { mergeGuests(survivorId: $s, mergedId: $m) {"
          + " id honorific bio projects version"
          + " appearances { role order episodeNumber episode { id } } } }";
  private static final String REMOVE =
      "mutation($g: ID!, $e: ID!) { removeAppearance(guestId: $g, episodeId: $e) {"
          + " role episode { id } } }";
  private static final String APPEARANCES =
      "query($id: ID) { guest(id: $id) { appearances { role order episodeNumber episode { id } } } }";
  private static final String LINEUP =
      "query($r: [_Any!]!) { _entities(representations: $r) {"
          + " ... on Episode { guests { id } hosts { id } } } }";

  @Inject EntityManager entityManager;

  @Test
  void createsAGuestDerivingTheSlugFromTheName() {
    String tag = unique();
    Map<String, Object> created =
        guest("Glyph Lefkowítz " + tag, null, List.of("Automat", "Twisted"));
    assertEquals("glyph-lefkowitz-" + tag, created.get("slug"));
    assertEquals(List.of("Automat", "Twisted"), created.get("projects"));
    assertEquals(0, created.get("version"));
  }

  @Test
  void rejectsInvalidInputWithTheFieldsAtFault() {
    Map<String, Object> input = new HashMap<>();
    input.put("name", " ");
    input.put("slug", "Not A Slug");
    input.put("links", List.of("ftp://example.org"));
    asEditor(CREATE, Map.of("input", input))
        .statusCode(200)
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body("errors[0].extensions.violations.field", hasItem("input.name"))
        .body("errors[0].extensions.violations.field", hasItem("input.slug"))
        .body("data", nullValue());
  }

  @Test
  void rejectsInvalidListItems() {
    Map<String, Object> input = new HashMap<>();
    input.put("name", "List Checker " + unique());
    input.put("projects", List.of("ok", " "));
    input.put("links", List.of("https://ok.example", "mailto:x@example.org"));
    asEditor(CREATE, Map.of("input", input))
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body(
            "errors[0].extensions.violations.field",
            containsInAnyOrder("input.projects[1]", "input.links[1]"));
  }

  @Test
  void rejectsADuplicateSlugAsAConflict() {
    Map<String, Object> first = guest("Slug Owner");
    asEditor(CREATE, Map.of("input", Map.of("name", "Someone Else", "slug", first.get("slug"))))
        .body("errors[0].extensions.code", equalTo("CONFLICT"));
  }

  @Test
  void refusesWritesWithoutAToken() {
    post(CREATE, Map.of("input", Map.of("name", "Anonymous " + unique())))
        .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
        .body("data", nullValue());
  }

  @Test
  void refusesWritesWithoutTheEditorRole() {
    withToken(DevTokens.reader(), CREATE, Map.of("input", Map.of("name", "Reader " + unique())))
        .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
  }

  @Test
  void refusesAForgedTokenWithHttp401AndAnUnauthenticatedError() {
    withToken("not.a.jwt", CREATE, Map.of("input", Map.of("name", "Forger " + unique())))
        .statusCode(401)
        .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
  }

  @Test
  void updatesAGuestAndBumpsItsVersion() {
    Map<String, Object> created = guest("David Holmes");
    asEditor(
            UPDATE,
            Map.of(
                "id", created.get("id"),
                "v", 0,
                "input", Map.of("bio", "the current director of engineering for the USDS")))
        .body("errors", nullValue())
        .body("data.updateGuest.bio", equalTo("the current director of engineering for the USDS"))
        .body("data.updateGuest.name", equalTo(created.get("name")))
        .body("data.updateGuest.version", equalTo(1));
  }

  @Test
  void anUpdateThatChangesNothingKeepsVersionAndUpdatedAt() {
    Map<String, Object> created =
        guest("Idempotent Person " + unique(), "Dr.", List.of("redis-py"));
    Map<String, Object> same = new HashMap<>();
    same.put("name", created.get("name"));
    same.put("honorific", "Dr.");
    same.put("projects", List.of("redis-py"));
    same.put("links", List.of());
    asEditor(UPDATE, Map.of("id", created.get("id"), "v", 0, "input", same))
        .body("errors", nullValue())
        .body("data.updateGuest.version", equalTo(0))
        .body("data.updateGuest.updatedAt", equalTo(created.get("updatedAt")));
  }

  @Test
  void rejectsAStaleExpectedVersionAndChangesNothing() {
    Map<String, Object> created = guest("Stale Writer");
    String id = (String) created.get("id");
    asEditor(UPDATE, Map.of("id", id, "v", 0, "input", Map.of("bio", "first")))
        .body("data.updateGuest.version", equalTo(1));
    asEditor(UPDATE, Map.of("id", id, "v", 0, "input", Map.of("bio", "second")))
        .body("errors[0].extensions.code", equalTo("CONFLICT"));
    post("query($id: ID) { guest(id: $id) { bio version } }", Map.of("id", id))
        .body("data.guest.bio", equalTo("first"))
        .body("data.guest.version", equalTo(1));
  }

  @Test
  void ofTwoConcurrentUpdatesFromTheSameVersionExactlyOneWins() throws Exception {
    String id = guestId("Contested Guest");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (String bio : List.of("from writer one", "from writer two")) {
        outcomes.add(
            pool.submit(
                () -> {
                  Object code =
                      asEditor(UPDATE, Map.of("id", id, "v", 0, "input", Map.of("bio", bio)))
                          .extract()
                          .path("errors[0].extensions.code");
                  return code == null ? "OK" : code.toString();
                }));
      }
      List<String> results = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        results.add(outcome.get(60, TimeUnit.SECONDS));
      }
      assertEquals(List.of("CONFLICT", "OK"), results.stream().sorted().toList());
    } finally {
      pool.shutdownNow();
    }
    post("query($id: ID) { guest(id: $id) { version } }", Map.of("id", id))
        .body("data.guest.version", equalTo(1));
  }

  @Test
  void rejectsChangingTheSlugToOneInUse() {
    Map<String, Object> taken = guest("Taken Slug");
    String id = guestId("Wants Slug");
    asEditor(UPDATE, Map.of("id", id, "v", 0, "input", Map.of("slug", taken.get("slug"))))
        .body("errors[0].extensions.code", equalTo("CONFLICT"));
  }

  @Test
  void reportsUpdatingOrDeletingAnUnknownGuestAsNotFound() {
    String unknown = UUID.randomUUID().toString();
    asEditor(UPDATE, Map.of("id", unknown, "v", 0, "input", Map.of("bio", "x")))
        .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    asEditor(DELETE, Map.of("id", unknown, "v", 0))
        .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
  }

  @Test
  void deletingAGuestLeavesNoOrphanAppearance() {
    String id = guestId("Leaving Guest");
    String other = guestId("Staying Guest");
    String episode = "ep-" + unique();
    appear(id, episode, "GUEST", 0);
    appear(id, "ep-" + unique(), "GUEST", 0);
    appear(other, episode, "GUEST", 1);

    asEditor(DELETE, Map.of("id", id, "v", 0))
        .body("errors", nullValue())
        .body("data.deleteGuest", equalTo(id));
    assertEquals(0, appearancesOf(id));
    assertEquals(1, appearancesOf(other));
    post(LINEUP, Map.of("r", List.of(Map.of("__typename", "Episode", "id", episode))))
        .body("data._entities[0].guests.id", contains(other));
  }

  @Test
  void rejectsDeletingWithAStaleVersion() {
    String id = guestId("Stale Deleter");
    asEditor(UPDATE, Map.of("id", id, "v", 0, "input", Map.of("bio", "changed")));
    asEditor(DELETE, Map.of("id", id, "v", 0))
        .body("errors[0].extensions.code", equalTo("CONFLICT"));
    assertEquals(
        1L,
        entityManager
            .createQuery("select count(g) from Guest g where g.id = ?1", Long.class)
            .setParameter(1, UUID.fromString(id))
            .getSingleResult());
  }

  @Test
  void aMergeKeepsEveryAppearanceAndCollapsesDuplicates() {
    Map<String, Object> survivor =
        guest("Christoph Zimmerman " + unique(), null, List.of("redis-py"));
    Map<String, Object> duplicate =
        guest("Dr. C. Zimmerman " + unique(), "Dr.", List.of("Redis", "redis-py"));
    String s = (String) survivor.get("id");
    String m = (String) duplicate.get("id");
    String shared = "ep-" + unique();
    String onlySurvivor = "ep-" + unique();
    String onlyMerged = "ep-" + unique();
    String otherOnMerged = "ep-" + unique();
    appear(s, shared, "GUEST", 2);
    appear(m, shared, "GUEST", 1);
    appear(s, onlySurvivor, "GUEST", 1);
    appear(m, onlyMerged, "GUEST", 1);
    appear(m, otherOnMerged, "HOST", 0);

    asEditor(MERGE, Map.of("s", s, "m", m))
        .body("errors", nullValue())
        .body("data.mergeGuests.id", equalTo(s))
        .body("data.mergeGuests.honorific", equalTo("Dr."))
        .body("data.mergeGuests.projects", contains("redis-py", "Redis"))
        .body("data.mergeGuests.version", equalTo(1))
        .body(
            "data.mergeGuests.appearances.episode.id",
            containsInAnyOrder(shared, onlySurvivor, onlyMerged, otherOnMerged));

    assertEquals(4, appearancesOf(s));
    assertEquals(0, appearancesOf(m));
    // The collapsed appearance keeps the earlier position of the two.
    post(LINEUP, Map.of("r", List.of(Map.of("__typename", "Episode", "id", shared))))
        .body("data._entities[0].guests.id", contains(s));
    post(APPEARANCES, Map.of("id", s))
        .body("data.guest.appearances.find { it.episode.id == '" + shared + "' }.order", equalTo(1))
        .body(
            "data.guest.appearances.find { it.episode.id == '" + otherOnMerged + "' }.role",
            equalTo("HOST"));
  }

  @Test
  void theMergedAwayIdAndSlugLeadToTheSurvivor() {
    String s = guestId("Survivor");
    Map<String, Object> merged = guest("Merged Away");
    asEditor(MERGE, Map.of("s", s, "m", merged.get("id"))).body("errors", nullValue());

    post("query($id: ID) { guest(id: $id) { id } }", Map.of("id", merged.get("id")))
        .body("data.guest.id", equalTo(s));
    post("query($slug: String) { guest(slug: $slug) { id } }", Map.of("slug", merged.get("slug")))
        .body("data.guest.id", equalTo(s));
    post(
            "query($r: [_Any!]!) { _entities(representations: $r) { ... on Guest { id } } }",
            Map.of("r", List.of(Map.of("__typename", "Guest", "id", merged.get("id")))))
        .body("data._entities[0].id", equalTo(s));
    asEditor(CREATE, Map.of("input", Map.of("name", "Reuses Slug", "slug", merged.get("slug"))))
        .body("errors[0].extensions.code", equalTo("CONFLICT"));
  }

  @Test
  void mergingTheSurvivorAgainKeepsOldIdsOneHopFromTheLatestSurvivor() {
    String first = guestId("Chain First");
    String second = guestId("Chain Second");
    String third = guestId("Chain Third");
    asEditor(MERGE, Map.of("s", second, "m", first)).body("errors", nullValue());
    asEditor(MERGE, Map.of("s", third, "m", second)).body("errors", nullValue());

    for (String old : List.of(first, second)) {
      post("query($id: ID) { guest(id: $id) { id } }", Map.of("id", old))
          .body("data.guest.id", equalTo(third));
    }
    assertEquals(
        List.of(UUID.fromString(third), UUID.fromString(third)),
        entityManager
            .createQuery(
                "select r.guestId from GuestRedirect r where r.oldId in ?1 order by r.oldId",
                UUID.class)
            .setParameter(1, List.of(UUID.fromString(first), UUID.fromString(second)))
            .getResultList());
  }

  @Test
  void rejectsMergingAGuestIntoItselfOrAnUnknownOne() {
    String id = guestId("Self Merger");
    asEditor(MERGE, Map.of("s", id, "m", id))
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    asEditor(MERGE, Map.of("s", id, "m", UUID.randomUUID().toString()))
        .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
  }

  @Test
  void addsAnAppearanceAppendingItAndUpdatesItWhenAddedAgain() {
    String first = guestId("First Guest");
    String second = guestId("Second Guest");
    String episode = "ep-" + unique();
    appear(first, episode, "GUEST", null);
    Map<String, Object> input = new HashMap<>();
    input.put("guestId", second);
    input.put("episodeId", episode);
    input.put("episodeNumber", 201);
    input.put("role", "GUEST");
    asEditor(dev.podgraph.guest.GuestFixtures.ADD, Map.of("input", input))
        .body("errors", nullValue())
        .body("data.addAppearance.order", equalTo(1))
        .body("data.addAppearance.episodeNumber", equalTo(201))
        .body("data.addAppearance.episode.id", equalTo(episode));

    input.put("role", "HOST");
    input.put("order", 0);
    asEditor(dev.podgraph.guest.GuestFixtures.ADD, Map.of("input", input))
        .body("data.addAppearance.role", equalTo("HOST"))
        .body("data.addAppearance.order", equalTo(0));
    assertEquals(1, appearancesOf(second));
  }

  @Test
  void rejectsAnAppearanceOfAnUnknownGuestOrWithoutRole() {
    Map<String, Object> input = new HashMap<>();
    input.put("guestId", UUID.randomUUID().toString());
    input.put("episodeId", "ep-" + unique());
    input.put("role", "GUEST");
    asEditor(dev.podgraph.guest.GuestFixtures.ADD, Map.of("input", input))
        .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    input.put("guestId", guestId("Negative Order"));
    input.put("order", -1);
    asEditor(dev.podgraph.guest.GuestFixtures.ADD, Map.of("input", input))
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
  }

  @Test
  void removesAnAppearance() {
    String id = guestId("Removed Guest");
    String episode = "ep-" + unique();
    appear(id, episode, "GUEST", 0);
    asEditor(REMOVE, Map.of("g", id, "e", episode))
        .body("errors", nullValue())
        .body("data.removeAppearance.episode.id", equalTo(episode));
    post(APPEARANCES, Map.of("id", id)).body("data.guest.appearances", empty());
    asEditor(REMOVE, Map.of("g", id, "e", episode))
        .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
  }

  private int appearancesOf(String guestId) {
    return entityManager
        .createQuery("select count(a) from Appearance a where a.guest.id = ?1", Long.class)
        .setParameter(1, UUID.fromString(guestId))
        .getSingleResult()
        .intValue();
  }
}
