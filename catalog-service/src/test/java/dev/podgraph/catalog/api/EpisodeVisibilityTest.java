package dev.podgraph.catalog.api;

import static dev.podgraph.catalog.EpisodeFixtures.create;
import static dev.podgraph.catalog.EpisodeFixtures.input;
import static dev.podgraph.catalog.EpisodeFixtures.nextNumber;
import static dev.podgraph.catalog.EpisodeFixtures.publish;
import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static dev.podgraph.devinfra.GraphQLAssured.post;
import static dev.podgraph.devinfra.GraphQLAssured.withToken;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.catalog.CatalogInfra;
import dev.podgraph.devinfra.DevTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Anonymous callers (and tokens without the editor role) see only PUBLISHED and ARCHIVED episodes
 * on every read path; editors see all. Pages are filtered in SQL, so they stay full and their
 * counts and cursors right.
 */
@QuarkusTest
@WithTestResource(CatalogInfra.class)
class EpisodeVisibilityTest {
  private static final String BY =
      "query($id: ID, $n: Int, $s: String) { episode(id: $id, number: $n, slug: $s) { id status } }";
  private static final String ENTITIES =
      "query($r: [_Any!]!) { _entities(representations: $r) { ... on Episode { id status } } }";

  @Inject SessionFactory sessionFactory;

  private static Map<String, Object> move(String mutation, Map<String, Object> e) {
    boolean schedule = mutation.equals("scheduleEpisode");
    Map<String, Object> vars =
        new LinkedHashMap<>(Map.of("id", e.get("id"), "v", e.get("version")));
    if (schedule) {
      vars.put("at", "2099-01-01T00:00:00Z");
    }
    return asEditor(
            "mutation($id: ID!, $v: Int!"
                + (schedule ? ", $at: DateTime!" : "")
                + ") { "
                + mutation
                + "(id: $id, expectedVersion: $v"
                + (schedule ? ", at: $at" : "")
                + ") { id number slug status version } }",
            vars)
        .body("errors", nullValue())
        .extract()
        .path("data." + mutation);
  }

  /** One episode in each status, in lifecycle order: DRAFT, SCHEDULED, PUBLISHED, ARCHIVED. */
  private static List<Map<String, Object>> oneOfEachStatus(String category) {
    Map<String, Object> draft = create("Draft", category);
    Map<String, Object> scheduled = move("scheduleEpisode", create("Scheduled", category));
    Map<String, Object> published = publish(create("Published", category));
    Map<String, Object> archived = move("archiveEpisode", publish(create("Archived", category)));
    return List.of(draft, scheduled, published, archived);
  }

  @Test
  void anonymousCallersFindOnlyPublishedAndArchivedEpisodesByIdNumberOrSlug() {
    for (Map<String, Object> e : oneOfEachStatus("visibility-single")) {
      String status = (String) e.get("status");
      boolean isPublic = status.equals("PUBLISHED") || status.equals("ARCHIVED");
      for (Map<String, Object> by :
          List.<Map<String, Object>>of(
              Map.of("id", e.get("id")),
              Map.of("n", e.get("number")),
              Map.of("s", e.get("slug")))) {
        post(BY, by)
            .body("errors", nullValue())
            .body("data.episode.status", isPublic ? equalTo(status) : nullValue());
        withToken(DevTokens.reader(), BY, by)
            .body("data.episode.status", isPublic ? equalTo(status) : nullValue());
        asEditor(BY, by).body("data.episode.status", equalTo(status));
      }
    }
  }

  @Test
  void anonymousPagesHoldOnlyVisibleEpisodesAndStayFullAcrossCursors() {
    String category = "visibility-pages";
    List<String> publicIds = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Map<String, Object> e = create("Paged", category);
      if (i % 2 == 1) {
        e = publish(e);
        if (i == 3) {
          e = move("archiveEpisode", e);
        }
        publicIds.add(0, (String) e.get("id"));
      }
    }
    String query =
        "query($after: String) { episodes(first: 2, after: $after, filter: {category: \""
            + category
            + "\"}) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }";

    List<String> seen = new ArrayList<>();
    String cursor = null;
    boolean more = true;
    int pages = 0;
    while (more) {
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("after", cursor);
      Map<String, Object> page = post(query, vars).extract().path("data.episodes");
      assertEquals(4, page.get("totalCount"));
      List<String> ids = nodeIds(page);
      Map<?, ?> info = (Map<?, ?>) page.get("pageInfo");
      more = (Boolean) info.get("hasNextPage");
      assertEquals(2, ids.size(), "every page is full: " + seen + " then " + ids);
      seen.addAll(ids);
      cursor = (String) info.get("endCursor");
      pages++;
    }
    assertEquals(2, pages);
    assertEquals(publicIds, seen);
    asEditor(query, Map.of()).body("data.episodes.totalCount", equalTo(8));
  }

  @Test
  void filteringByAHiddenStatusGivesAnonymousCallersNothing() {
    String category = "visibility-filter";
    oneOfEachStatus(category);
    for (String status : List.of("DRAFT", "SCHEDULED")) {
      String query =
          "{ episodes(filter: {category: \""
              + category
              + "\", status: "
              + status
              + "}) { totalCount edges { node { id } } pageInfo { hasNextPage } } }";
      post(query)
          .body("data.episodes.totalCount", equalTo(0))
          .body("data.episodes.edges", empty())
          .body("data.episodes.pageInfo.hasNextPage", is(false));
      asEditor(query).body("data.episodes.totalCount", equalTo(1));
    }
    post("{ episodes(filter: {category: \"" + category + "\"}) { edges { node { status } } } }")
        .body("data.episodes.edges.node.status", contains("ARCHIVED", "PUBLISHED"));
  }

  @Test
  void searchFindsHiddenEpisodesForEditorsOnly() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          (String) create(input(nextNumber(), "Capybara Notes " + nextNumber(), "v")).get("id"));
    }
    publish(Map.of("id", ids.get(1), "version", 0));
    String query =
        "{ searchEpisodes(text: \"capybara\", first: 1) { totalCount edges { node { id } }"
            + " pageInfo { hasNextPage } } }";
    post(query)
        .body("data.searchEpisodes.totalCount", equalTo(1))
        .body("data.searchEpisodes.edges.node.id", contains(ids.get(1)))
        .body("data.searchEpisodes.pageInfo.hasNextPage", is(false));
    asEditor(query)
        .body("data.searchEpisodes.totalCount", equalTo(3))
        .body("data.searchEpisodes.pageInfo.hasNextPage", is(true));
  }

  @Test
  void entityResolutionGivesNullForEpisodesTheCallerMayNotSeeInOneStatement() {
    List<Map<String, Object>> representations = new ArrayList<>();
    for (Map<String, Object> e : oneOfEachStatus("visibility-entities")) {
      representations.add(Map.of("__typename", "Episode", "id", e.get("id")));
    }
    sessionFactory.getStatistics().clear();
    post(ENTITIES, Map.of("r", representations))
        .body("errors", nullValue())
        .body("data._entities.size()", equalTo(4))
        .body("data._entities[0]", nullValue())
        .body("data._entities[1]", nullValue())
        .body("data._entities[2].status", equalTo("PUBLISHED"))
        .body("data._entities[3].status", equalTo("ARCHIVED"));
    assertEquals(1, sessionFactory.getStatistics().getPrepareStatementCount());
    asEditor(ENTITIES, Map.of("r", representations))
        .body("data._entities.status", contains("DRAFT", "SCHEDULED", "PUBLISHED", "ARCHIVED"));
  }

  @SuppressWarnings("unchecked")
  private static List<String> nodeIds(Map<String, Object> connection) {
    return ((List<Map<String, Object>>) connection.get("edges"))
        .stream().map(e -> (String) ((Map<String, Object>) e.get("node")).get("id")).toList();
  }
}
