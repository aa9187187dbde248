package dev.podgraph.catalog.api;

import static dev.podgraph.catalog.EpisodeFixtures.CREATE;
import static dev.podgraph.catalog.EpisodeFixtures.FIELDS;
import static dev.podgraph.catalog.EpisodeFixtures.create;
import static dev.podgraph.catalog.EpisodeFixtures.createMany;
import static dev.podgraph.catalog.EpisodeFixtures.createPublished;
import static dev.podgraph.catalog.EpisodeFixtures.input;
import static dev.podgraph.catalog.EpisodeFixtures.nextNumber;
import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static dev.podgraph.devinfra.GraphQLAssured.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.catalog.CatalogInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CatalogInfra.class)
class EpisodeGraphQLApiTest {

  private static Map<String, Object> seedEpisode(int number) {
    Map<String, Object> input =
        input(number, "Hacking The Government With The USDS " + number, "Software Architecture");
    input.put(
        "summary",
        "The U.S. Digital Services Agency has been tasked with making that happen. David Holmes"
            + " explains how the agency operates.");
    input.put(
        "announcements",
        List.of(
            "Hello and welcome to Podcast.__init__, the podcast about Python and the people who"
                + " make it great.",
            "When you're ready to launch your next app you'll need somewhere to deploy it, so take"
                + " a look at our friends over at Linode. Go to pythonpodcast.com/linode to get a"
                + " $20 credit.",
            "Bots and automation are taking over. Discover.bot is an online community. Go to"
                + " pythonpodcast.com/discoverbot today to get started.",
            "Join the community in the new Zulip chat workspace at pythonpodcast.com/chat"));
    input.put(
        "questions",
        List.of(
            Map.of("text", "Introductions"),
            Map.of(
                "text",
                "The terminology that is used around \"Tours of Service\" is interesting.",
                "followUps",
                List.of("relocation", "what if you have a house and career?"))));
    input.put("keepInTouch", List.of(Map.of("text", "Email", "url", "mailto.example.com/holmes")));
    input.put("picks", List.of(Map.of("text", "Tobias: The Expanse")));
    input.put("links", List.of(Map.of("text", "USDS", "url", "https://www.usds.gov")));
    input.put(
        "musicCredit",
        "The intro and outro music is from Requiem for a Fish The Freak Fandango Orchestra / CC"
            + " BY-SA");
    return input;
  }

  @Test
  void storesEverySectionOfTheShowNotesAndExtractsTheSponsors() {
    int number = nextNumber();
    Map<String, Object> created = create(seedEpisode(number));

    assertEquals("DRAFT", created.get("status"));
    assertEquals(0, created.get("version"));
    assertEquals("hacking-the-government-with-the-usds-" + number, created.get("slug"));
    assertEquals(
        List.of(
            Map.of("name", "Linode", "url", "https://pythonpodcast.com/linode"),
            Map.of("name", "Discover.bot", "url", "https://pythonpodcast.com/discoverbot")),
        created.get("sponsors"));
    assertEquals(
        List.of(
            Map.of("text", "Introductions", "followUps", List.of()),
            Map.of(
                "text",
                "The terminology that is used around \"Tours of Service\" is interesting.",
                "followUps",
                List.of("relocation", "what if you have a house and career?"))),
        created.get("questions"));
    assertEquals(4, ((List<?>) created.get("announcements")).size());
    assertEquals("Announcements", created.get("announcementsHeading"));
    assertEquals(
        List.of(Map.of("text", "USDS", "url", "https://www.usds.gov")), created.get("links"));
  }

  @Test
  void readsAnEpisodeByIdNumberOrSlugWithoutAToken() {
    Map<String, Object> created = createPublished("Readable", "reads");
    String query =
        "query($id: ID, $n: Int, $s: String) { episode(id: $id, number: $n, slug: $s) { id title } }";

    post(query, Map.of("id", created.get("id")))
        .body("data.episode.title", equalTo(created.get("title")));
    post(query, Map.of("n", created.get("number")))
        .body("data.episode.id", equalTo(created.get("id")));
    post(query, Map.of("s", created.get("slug")))
        .body("data.episode.id", equalTo(created.get("id")));
    post(query, Map.of("n", 999_999)).body("data.episode", nullValue()).body("errors", nullValue());
  }

  @Test
  void rejectsNamingAnEpisodeTwiceOrByAMalformedId() {
    post("{ episode(number: 1, slug: \"x\") { id } }")
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    post("{ episode(id: \"not-a-uuid\") { id } }")
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body("errors[0].extensions.violations[0].field", equalTo("id"));
  }

  @Test
  void listsEpisodesNewestFirstInPagesThatFollowTheCursor() {
    List<String> ids = createMany(5, "paging");
    String query =
        "query($after: String) { episodes(first: 2, after: $after, filter: {category: \"paging\"}) {"
            + " totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }";

    Map<String, Object> first = asEditor(query, Map.of()).extract().path("data.episodes");
    assertEquals(5, first.get("totalCount"));
    assertEquals(List.of(ids.get(4), ids.get(3)), nodeIds(first));
    String cursor = (String) ((Map<?, ?>) first.get("pageInfo")).get("endCursor");

    Map<String, Object> second =
        asEditor(query, Map.of("after", cursor)).extract().path("data.episodes");
    assertEquals(List.of(ids.get(2), ids.get(1)), nodeIds(second));
    String cursor2 = (String) ((Map<?, ?>) second.get("pageInfo")).get("endCursor");

    asEditor(query, Map.of("after", cursor2))
        .body("data.episodes.edges.node.id", contains(ids.get(0)))
        .body("data.episodes.pageInfo.hasNextPage", is(false));
  }

  @Test
  void ordersOldestFirstWhenAsked() {
    List<String> ids = createMany(3, "oldest-first");
    asEditor(
            "{ episodes(filter: {category: \"oldest-first\"}, orderBy: NUMBER_ASC) { edges { node { id } } } }")
        .body("data.episodes.edges.node.id", equalTo(ids));
  }

  @Test
  void filtersByStatusAndCategory() {
    List<String> ids = createMany(2, "filtered");
    Map<String, Object> published =
        asEditor(
                "mutation($id: ID!) { publishEpisode(id: $id, expectedVersion: 0) { id status } }",
                Map.of("id", ids.get(0)))
            .body("errors", nullValue())
            .extract()
            .path("data.publishEpisode");
    assertEquals("PUBLISHED", published.get("status"));

    asEditor(
            "{ episodes(filter: {category: \"filtered\", status: PUBLISHED}) { totalCount edges { node { id } } } }")
        .body("data.episodes.totalCount", equalTo(1))
        .body("data.episodes.edges.node.id", contains(ids.get(0)));
    asEditor(
            "{ episodes(filter: {category: \"filtered\", status: DRAFT}) { edges { node { id } } } }")
        .body("data.episodes.edges.node.id", contains(ids.get(1)));
  }

  @Test
  void rejectsAPageSizeOutsideOneToAHundredAndForeignCursors() {
    post("{ episodes(first: 101) { totalCount } }")
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body("errors[0].extensions.violations[0].field", equalTo("first"));
    post("{ episodes(after: \"bm9wZQ\") { totalCount } }")
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body("errors[0].extensions.violations[0].field", equalTo("after"));
  }

  @Test
  void searchRanksTitleMatchesAboveQuestionMatches() {
    Map<String, Object> inQuestion =
        create(
            withQuestion(
                input(nextNumber(), "Serverless Plumbing " + nextNumber(), "search"),
                "How do you approach quokka migrations?"));
    Map<String, Object> inTitle =
        create(input(nextNumber(), "Quokka Migrations In Practice " + nextNumber(), "search"));
    create(input(nextNumber(), "Nothing Related " + nextNumber(), "search"));

    asEditor("{ searchEpisodes(text: \"quokka migrations\") { totalCount edges { node { id } } } }")
        .body("data.searchEpisodes.totalCount", equalTo(2))
        .body(
            "data.searchEpisodes.edges.node.id", contains(inTitle.get("id"), inQuestion.get("id")));
  }

  @Test
  void searchPagesFollowTheirCursor() {
    for (int i = 0; i < 3; i++) {
      create(input(nextNumber(), "Wombat Tales " + nextNumber(), "search-pages"));
    }
    String query =
        "query($after: String) { searchEpisodes(text: \"wombat\", first: 2, after: $after) {"
            + " edges { node { id } } pageInfo { hasNextPage endCursor } } }";
    Map<String, Object> first = asEditor(query, Map.of()).extract().path("data.searchEpisodes");
    String cursor = (String) ((Map<?, ?>) first.get("pageInfo")).get("endCursor");
    List<String> firstIds = nodeIds(first);
    asEditor(query, Map.of("after", cursor))
        .body("data.searchEpisodes.edges.node.id", not(hasItem(firstIds.get(0))))
        .body("data.searchEpisodes.edges.size()", equalTo(1))
        .body("data.searchEpisodes.pageInfo.hasNextPage", is(false));
  }

  @Test
  void rejectsInvalidInputNamingTheViolatedField() {
    Map<String, Object> input = input(nextNumber(), " ", "invalid");
    input.put("slug", "Not A Slug");
    asEditor(CREATE, Map.of("input", input))
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body("errors[0].message", containsString("input.title"))
        .body("errors[0].extensions.violations.field", contains("input.slug", "input.title"));
  }

  @Test
  void rejectsABlankAnnouncementByItsPosition() {
    Map<String, Object> input = input(nextNumber(), "Blank Announcement", "invalid");
    input.put("announcements", List.of("fine", "  "));
    asEditor(CREATE, Map.of("input", input))
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
        .body("errors[0].extensions.violations[0].field", equalTo("input.announcements[1]"));
  }

  @Test
  void rejectsATakenNumberAsConflict() {
    Map<String, Object> created = create("Taken", "conflicts");
    asEditor(
            CREATE,
            Map.of("input", input((Integer) created.get("number"), "Other title", "conflicts")))
        .body("errors[0].extensions.code", equalTo("CONFLICT"))
        .body("errors[0].message", containsString("number"));
  }

  @Test
  void refusesWritesWithoutATokenAsUnauthenticated() {
    post(CREATE, Map.of("input", input(nextNumber(), "Anonymous", "auth")))
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
  }

  @Test
  void refusesAnUnverifiableTokenWithHttp401AndAnUnauthenticatedError() {
    given()
        .auth()
        .oauth2("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl")
        .contentType("application/json")
        .body(
            Map.of(
                "query",
                CREATE,
                "variables",
                Map.of("input", input(nextNumber(), "Forged", "auth"))))
        .post("/graphql")
        .then()
        .statusCode(401)
        .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
  }

  @Test
  void refusesWritesOfAReaderAsForbidden() {
    dev.podgraph.devinfra.GraphQLAssured.withToken(
            dev.podgraph.devinfra.DevTokens.reader(),
            CREATE,
            Map.of("input", input(nextNumber(), "Reader", "auth")))
        .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
  }

  @Test
  void deletesAnEpisodeAtTheExpectedVersion() {
    Map<String, Object> created = create("Doomed", "deletes");
    String delete = "mutation($id: ID!, $v: Int!) { deleteEpisode(id: $id, expectedVersion: $v) }";
    asEditor(delete, Map.of("id", created.get("id"), "v", 7))
        .body("errors[0].extensions.code", equalTo("CONFLICT"));
    asEditor(delete, Map.of("id", created.get("id"), "v", 0))
        .body("data.deleteEpisode", equalTo(created.get("id")));
    asEditor("query($id: ID) { episode(id: $id) { id } }", Map.of("id", created.get("id")))
        .body("data.episode", nullValue());
    asEditor(delete, Map.of("id", created.get("id"), "v", 0))
        .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
  }

  @Test
  void replacesTheContentOnUpdate() {
    Map<String, Object> created = create("Before", "updates");
    Map<String, Object> input =
        input((Integer) created.get("number"), "After " + created.get("number"), "updates");
    input.put("sponsors", List.of(Map.of("name", "Acme", "url", "acme.example/podcast")));
    asEditor(
            "mutation($id: ID!, $input: EpisodeInput!) { updateEpisode(id: $id, expectedVersion: 0,"
                + " input: $input) { "
                + FIELDS
                + " } }",
            Map.of("id", created.get("id"), "input", input))
        .body("errors", nullValue())
        .body("data.updateEpisode.title", equalTo("After " + created.get("number")))
        .body("data.updateEpisode.version", equalTo(1))
        .body("data.updateEpisode.sponsors[0].url", equalTo("https://acme.example/podcast"));
  }

  private static Map<String, Object> withQuestion(Map<String, Object> input, String question) {
    input.put("questions", List.of(Map.of("text", question)));
    return input;
  }

  @SuppressWarnings("unchecked")
  private static List<String> nodeIds(Map<String, Object> connection) {
    return ((List<Map<String, Object>>) connection.get("edges"))
        .stream().map(e -> (String) ((Map<String, Object>) e.get("node")).get("id")).toList();
  }
}
