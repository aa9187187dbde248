package dev.podgraph.catalog.cache;

import static dev.podgraph.catalog.EpisodeFixtures.UPDATE;
import static dev.podgraph.catalog.EpisodeFixtures.create;
import static dev.podgraph.catalog.EpisodeFixtures.input;
import static dev.podgraph.catalog.EpisodeFixtures.publish;
import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static dev.podgraph.devinfra.GraphQLAssured.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.catalog.CatalogInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Every kind of write, after every kind of cached read: once the mutation has returned, no read
 * shows the old value, neither an editor's nor an anonymous one. Reads are an editor's unless they
 * say otherwise (the fixtures are drafts, which only editors see).
 */
@QuarkusTest
@WithTestResource(CatalogInfra.class)
class EpisodeCacheTest {
  private static final String BY_ID =
      "query($id: ID) { episode(id: $id) { title status version } }";
  private static final String BY_NUMBER = "query($n: Int) { episode(number: $n) { title status } }";
  private static final String BY_SLUG = "query($s: String) { episode(slug: $s) { title } }";
  private static final String PAGE =
      "query($c: String) { episodes(filter: {category: $c}) { totalCount edges { node { title status } } } }";
  private static final String SEARCH =
      "query($t: String!) { searchEpisodes(text: $t) { totalCount edges { node { title } } } }";

  @Inject SessionFactory sessionFactory;

  /**
   * Reads each way twice, as an editor and anonymously, so the second is a cache hit; returns
   * nothing, fills the cache of both audiences.
   */
  private static void warm(Map<String, Object> e, String category, String searchText) {
    for (int i = 0; i < 2; i++) {
      for (boolean editor : new boolean[] {true, false}) {
        read(editor, BY_ID, Map.of("id", e.get("id")));
        read(editor, BY_NUMBER, Map.of("n", e.get("number")));
        read(editor, BY_SLUG, Map.of("s", e.get("slug")));
        read(editor, PAGE, Map.of("c", category));
        read(editor, SEARCH, Map.of("t", searchText));
      }
    }
  }

  private static ValidatableResponse read(boolean editor, String query, Map<String, ?> vars) {
    return editor ? asEditor(query, vars) : post(query, vars);
  }

  private static Map<String, Object> vars(Map<String, Object> e) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("id", e.get("id"));
    vars.put("v", e.get("version"));
    return vars;
  }

  @Test
  void servesARepeatedReadFromRedisWithoutSql() {
    Map<String, Object> e = create("Cached", "cache-hit");
    asEditor(BY_ID, Map.of("id", e.get("id"))).body("data.episode.title", equalTo(e.get("title")));
    sessionFactory.getStatistics().clear();
    asEditor(BY_ID, Map.of("id", e.get("id"))).body("data.episode.title", equalTo(e.get("title")));
    asEditor(PAGE, Map.of("c", "cache-hit"));
    sessionFactory.getStatistics().clear();
    asEditor(PAGE, Map.of("c", "cache-hit")).body("data.episodes.totalCount", equalTo(1));
    assertEquals(0, sessionFactory.getStatistics().getPrepareStatementCount());
  }

  @Test
  void anEditorsCachedReadsNeverAnswerAnAnonymousCallerNorTheOtherWayRound() {
    Map<String, Object> e = create("Quetzal Draft", "cache-audience");
    // Anonymous first: an empty page and an empty search are cached for the public.
    post(PAGE, Map.of("c", "cache-audience")).body("data.episodes.totalCount", equalTo(0));
    post(SEARCH, Map.of("t", "quetzal")).body("data.searchEpisodes.totalCount", equalTo(0));
    // Then an editor's reads, twice each so that the second comes from Redis.
    for (int i = 0; i < 2; i++) {
      asEditor(BY_ID, Map.of("id", e.get("id"))).body("data.episode.status", equalTo("DRAFT"));
      asEditor(BY_NUMBER, Map.of("n", e.get("number")))
          .body("data.episode.title", equalTo(e.get("title")));
      asEditor(BY_SLUG, Map.of("s", e.get("slug")))
          .body("data.episode.title", equalTo(e.get("title")));
      asEditor(PAGE, Map.of("c", "cache-audience")).body("data.episodes.totalCount", equalTo(1));
      asEditor(SEARCH, Map.of("t", "quetzal")).body("data.searchEpisodes.totalCount", equalTo(1));
    }
    post(BY_ID, Map.of("id", e.get("id"))).body("data.episode", nullValue());
    post(BY_NUMBER, Map.of("n", e.get("number"))).body("data.episode", nullValue());
    post(BY_SLUG, Map.of("s", e.get("slug"))).body("data.episode", nullValue());
    post(PAGE, Map.of("c", "cache-audience"))
        .body("data.episodes.totalCount", equalTo(0))
        .body("data.episodes.edges", empty());
    post(SEARCH, Map.of("t", "quetzal")).body("data.searchEpisodes.edges", empty());

    publish(e);
    post(BY_ID, Map.of("id", e.get("id"))).body("data.episode.status", equalTo("PUBLISHED"));
    post(PAGE, Map.of("c", "cache-audience"))
        .body("data.episodes.edges.node.title", contains(e.get("title")));
    post(SEARCH, Map.of("t", "quetzal")).body("data.searchEpisodes.totalCount", equalTo(1));
    asEditor(BY_ID, Map.of("id", e.get("id"))).body("data.episode.status", equalTo("PUBLISHED"));
  }

  @Test
  void aCreatedEpisodeAppearsInCachedPagesAndSearches() {
    Map<String, Object> first = create("Platypus First", "cache-create");
    warm(first, "cache-create", "platypus");
    Map<String, Object> second = create("Platypus Second", "cache-create");
    asEditor(PAGE, Map.of("c", "cache-create"))
        .body("data.episodes.totalCount", equalTo(2))
        .body("data.episodes.edges[0].node.title", equalTo(second.get("title")));
    asEditor(SEARCH, Map.of("t", "platypus")).body("data.searchEpisodes.totalCount", equalTo(2));
    asEditor(BY_NUMBER, Map.of("n", second.get("number")))
        .body("data.episode.title", equalTo(second.get("title")));
  }

  @Test
  void anUpdateReplacesEveryCachedView() {
    Map<String, Object> e = create("Narwhal Before", "cache-update");
    warm(e, "cache-update", "narwhal");
    Map<String, Object> in = input((Integer) e.get("number"), "Beluga After", "cache-update");
    in.put("slug", e.get("slug"));
    asEditor(UPDATE, Map.of("id", e.get("id"), "v", 0, "input", in)).body("errors", nullValue());

    asEditor(BY_ID, Map.of("id", e.get("id"))).body("data.episode.title", equalTo("Beluga After"));
    asEditor(BY_NUMBER, Map.of("n", e.get("number")))
        .body("data.episode.title", equalTo("Beluga After"));
    asEditor(BY_SLUG, Map.of("s", e.get("slug")))
        .body("data.episode.title", equalTo("Beluga After"));
    asEditor(PAGE, Map.of("c", "cache-update"))
        .body("data.episodes.edges.node.title", contains("Beluga After"));
    asEditor(SEARCH, Map.of("t", "narwhal")).body("data.searchEpisodes.edges", empty());
  }

  @Test
  void aDeletedEpisodeDisappearsFromEveryCachedView() {
    Map<String, Object> e = create("Axolotl Doomed", "cache-delete");
    warm(e, "cache-delete", "axolotl");
    asEditor(
            "mutation($id: ID!, $v: Int!) { deleteEpisode(id: $id, expectedVersion: $v) }", vars(e))
        .body("errors", nullValue());

    asEditor(BY_ID, Map.of("id", e.get("id"))).body("data.episode", nullValue());
    asEditor(BY_NUMBER, Map.of("n", e.get("number"))).body("data.episode", nullValue());
    asEditor(BY_SLUG, Map.of("s", e.get("slug"))).body("data.episode", nullValue());
    asEditor(PAGE, Map.of("c", "cache-delete")).body("data.episodes.totalCount", equalTo(0));
    asEditor(SEARCH, Map.of("t", "axolotl")).body("data.searchEpisodes.totalCount", equalTo(0));
  }

  @Test
  void everyLifecycleMoveShowsInCachedReads() {
    Map<String, Object> e = create("Pangolin Moves", "cache-lifecycle");
    int version = 0;
    String[][] moves = {
      {"scheduleEpisode", "SCHEDULED"},
      {"unscheduleEpisode", "DRAFT"},
      {"publishEpisode", "PUBLISHED"},
      {"archiveEpisode", "ARCHIVED"},
      {"unarchiveEpisode", "PUBLISHED"}
    };
    for (String[] move : moves) {
      warm(e, "cache-lifecycle", "pangolin");
      boolean schedule = move[0].equals("scheduleEpisode");
      Map<String, Object> vars = new HashMap<>(Map.of("id", e.get("id"), "v", version));
      if (schedule) {
        vars.put("at", "2099-01-01T00:00:00Z");
      }
      asEditor(
              "mutation($id: ID!, $v: Int!"
                  + (schedule ? ", $at: DateTime!" : "")
                  + ") { "
                  + move[0]
                  + "(id: $id, expectedVersion: $v"
                  + (schedule ? ", at: $at" : "")
                  + ") { status } }",
              vars)
          .body("data." + move[0] + ".status", equalTo(move[1]));
      version++;
      asEditor(BY_ID, Map.of("id", e.get("id")))
          .body("data.episode.status", equalTo(move[1]))
          .body("data.episode.version", equalTo(version));
      asEditor(BY_NUMBER, Map.of("n", e.get("number")))
          .body("data.episode.status", equalTo(move[1]));
      asEditor(PAGE, Map.of("c", "cache-lifecycle"))
          .body("data.episodes.edges[0].node.status", equalTo(move[1]));
      boolean isPublic = move[1].equals("PUBLISHED") || move[1].equals("ARCHIVED");
      post(BY_ID, Map.of("id", e.get("id")))
          .body("data.episode.status", isPublic ? equalTo(move[1]) : nullValue());
      post(BY_SLUG, Map.of("s", e.get("slug")))
          .body("data.episode.title", isPublic ? equalTo(e.get("title")) : nullValue());
      post(PAGE, Map.of("c", "cache-lifecycle"))
          .body("data.episodes.totalCount", equalTo(isPublic ? 1 : 0));
      post(SEARCH, Map.of("t", "pangolin"))
          .body("data.searchEpisodes.totalCount", equalTo(isPublic ? 1 : 0));
    }
  }

  @Test
  void savingTheShowReplacesTheCachedShow() {
    String save =
        "mutation($t: String!) { saveShow(input: {title: $t, hostName: \"Tobias Macey\","
            + " tagline: \"the podcast about Python and the people who make it great\"}) { title version } }";
    asEditor(save, Map.of("t", "Podcast.__init__")).body("errors", nullValue());
    asEditor("{ show { title hostName tagline } }")
        .body("data.show.title", equalTo("Podcast.__init__"))
        .body("data.show.hostName", equalTo("Tobias Macey"));
    asEditor("{ show { title } }");
    asEditor(save, Map.of("t", "Podcast.__init__ (renamed)")).body("errors", nullValue());
    asEditor("{ show { title } }").body("data.show.title", equalTo("Podcast.__init__ (renamed)"));
    int version =
        asEditor(save, Map.of("t", "Podcast.__init__ (renamed)"))
            .extract()
            .path("data.saveShow.version");
    asEditor(save, Map.of("t", "Podcast.__init__ (renamed)"))
        .body("data.saveShow.version", equalTo(version));
  }
}
