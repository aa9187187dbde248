package dev.podgraph.guest.api;

import static dev.podgraph.devinfra.GraphQLAssured.post;
import static dev.podgraph.guest.GuestFixtures.appear;
import static dev.podgraph.guest.GuestFixtures.guest;
import static dev.podgraph.guest.GuestFixtures.guestId;
import static dev.podgraph.guest.GuestFixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.guest.GuestInfra;
import dev.podgraph.guest.SqlStatements;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GuestInfra.class)
class GuestQueriesTest {
  @Inject SessionFactory sessionFactory;

  private static final String BY_ID =
      "query($id: ID) { guest(id: $id) { id name slug honorific bio projects version } }";
  private static final String BY_SLUG = "query($slug: String) { guest(slug: $slug) { id name } }";
  private static final String PAGE =
      "query($first: Int, $after: String, $filter: GuestFilterInput) {"
          + " guests(first: $first, after: $after, filter: $filter) {"
          + " totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }";

  @Test
  void findsAGuestByIdWithWhatTheNotesSay() {
    Map<String, Object> created =
        guest("Christoph Zimmerman " + unique(), "Dr.", List.of("redis-py"));
    post(BY_ID, Map.of("id", created.get("id")))
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.guest.name", equalTo(created.get("name")))
        .body("data.guest.honorific", equalTo("Dr."))
        .body("data.guest.projects", contains("redis-py"))
        .body("data.guest.version", equalTo(0));
  }

  @Test
  void findsAGuestBySlug() {
    Map<String, Object> created = guest("Andy McCurdy");
    post(BY_SLUG, Map.of("slug", created.get("slug")))
        .statusCode(200)
        .body("data.guest.id", equalTo(created.get("id")));
  }

  @Test
  void answersNullForAnUnknownGuest() {
    post(BY_ID, Map.of("id", "00000000-0000-0000-0000-000000000001"))
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.guest", nullValue());
    post(BY_SLUG, Map.of("slug", "nobody-" + unique()))
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.guest", nullValue());
  }

  @Test
  void rejectsAskingByBothIdAndSlugOrNeither() {
    post("{ guest(id: \"00000000-0000-0000-0000-000000000001\", slug: \"x\") { id } }")
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    post("{ guest { id } }").body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
  }

  @Test
  void rejectsAnIdThatIsNotAGuestId() {
    post(BY_ID, Map.of("id", "not-a-uuid"))
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body("errors[0].extensions.violations[0].field", equalTo("id"));
  }

  @Test
  void searchesNamesIgnoringCaseAndAccents() {
    String tag = unique();
    String zoe = (String) guest("Zoë Ångström " + tag, null, List.of()).get("id");
    guest("Zoe Other " + unique(), null, List.of());

    post(PAGE, Map.of("filter", Map.of("name", "ZOE angstrom " + tag)))
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.guests.totalCount", equalTo(1))
        .body("data.guests.edges.node.id", contains(zoe));
    post(PAGE, Map.of("filter", Map.of("name", "ångström " + tag.toUpperCase())))
        .body("data.guests.edges.node.id", contains(zoe));
  }

  @Test
  void treatsLikeWildcardsInASearchAsPlainCharacters() {
    guest("Percent Person " + unique());
    post(PAGE, Map.of("filter", Map.of("name", "%")))
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.guests.totalCount", equalTo(0));
  }

  @Test
  void pagesThroughGuestsInNameOrderWithCursors() {
    String tag = unique();
    String c = (String) guest("Pager " + tag + " Charlie", null, List.of()).get("id");
    String a = (String) guest("pager " + tag + " alpha", null, List.of()).get("id");
    String b = (String) guest("Pager " + tag + " Bravo", null, List.of()).get("id");
    Map<String, Object> filter = Map.of("name", "pager " + tag);

    String cursor =
        post(PAGE, Map.of("first", 2, "filter", filter))
            .statusCode(200)
            .body("errors", nullValue())
            .body("data.guests.totalCount", equalTo(3))
            .body("data.guests.edges.node.id", contains(a, b))
            .body("data.guests.pageInfo.hasNextPage", equalTo(true))
            .body("data.guests.pageInfo.endCursor", notNullValue())
            .extract()
            .path("data.guests.pageInfo.endCursor");

    post(PAGE, Map.of("first", 2, "after", cursor, "filter", filter))
        .body("data.guests.totalCount", equalTo(3))
        .body("data.guests.edges.node.id", contains(c))
        .body("data.guests.pageInfo.hasNextPage", equalTo(false));
  }

  @Test
  void filtersGuestsByRole() {
    String tag = unique();
    String host = (String) guest("Role " + tag + " Host", null, List.of()).get("id");
    String visitor = (String) guest("Role " + tag + " Visitor", null, List.of()).get("id");
    guest("Role " + tag + " Nobody", null, List.of());
    String episode = "ep-" + unique();
    appear(host, episode, "HOST", 0);
    appear(visitor, episode, "GUEST", 1);

    Map<String, Object> filter = new HashMap<>();
    filter.put("name", "role " + tag);
    filter.put("role", "HOST");
    post(PAGE, Map.of("filter", filter))
        .body("errors", nullValue())
        .body("data.guests.edges.node.id", contains(host));
    filter.put("role", "GUEST");
    post(PAGE, Map.of("filter", filter)).body("data.guests.edges.node.id", contains(visitor));
  }

  @Test
  void rejectsAPageSizeOutOfRangeAndAForeignCursor() {
    post(PAGE, Map.of("first", 101))
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body("data", nullValue());
    post(PAGE, Map.of("first", -1)).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    post(PAGE, Map.of("after", "bm90LWEtY3Vyc29y"))
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
  }

  @Test
  void aPageCostsTheSameNumberOfSqlStatementsForFiveAndFiftyGuests() {
    String tag = unique();
    for (int i = 0; i < 50; i++) {
      appear(guestId("Counted " + tag + " " + i), "ep-" + tag, "GUEST", i);
    }
    String query =
        "query($first: Int, $filter: GuestFilterInput) { guests(first: $first, filter: $filter) {"
            + " totalCount edges { node { id episodes { id } appearances { order } } } } }";
    Map<String, Object> filter = Map.of("name", "counted " + tag);
    long five =
        SqlStatements.during(
            sessionFactory,
            () ->
                post(query, Map.of("first", 5, "filter", filter))
                    .body("errors", nullValue())
                    .body("data.guests.edges", hasSize(5)));
    long fifty =
        SqlStatements.during(
            sessionFactory,
            () ->
                post(query, Map.of("first", 50, "filter", filter))
                    .body("errors", nullValue())
                    .body("data.guests.totalCount", equalTo(50))
                    .body("data.guests.edges", hasSize(50)));
    // The page, its count, and one statement for every guest's appearances.
    assertEquals(3, five);
    assertEquals(five, fifty);
  }

  @Test
  void answersAnEmptyPageForZeroFirst() {
    post(PAGE, Map.of("first", 0))
        .body("errors", nullValue())
        .body("data.guests.edges", hasSize(0))
        .body("data.guests.pageInfo.hasNextPage", equalTo(false));
  }
}
