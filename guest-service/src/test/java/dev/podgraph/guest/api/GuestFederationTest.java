package dev.podgraph.guest.api;

import static dev.podgraph.devinfra.GraphQLAssured.post;
import static dev.podgraph.guest.GuestFixtures.appear;
import static dev.podgraph.guest.GuestFixtures.guestId;
import static dev.podgraph.guest.GuestFixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.guest.GuestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GuestInfra.class)
class GuestFederationTest {
  private static final String EPISODE_ENTITIES =
      "query($representations: [_Any!]!) { _entities(representations: $representations) {"
          + " ... on Episode { id guests { id name } hosts { id name } } } }";
  private static final String GUEST_ENTITIES =
      "query($representations: [_Any!]!) { _entities(representations: $representations) {"
          + " ... on Guest { id name episodes { id } appearances { role order episode { id } } } } }";

  @Inject SessionFactory sessionFactory;

  @Test
  void resolvesFiftyEpisodesWithTheirGuestsAndHostsInOneSqlStatement() {
    String host = guestId("Tobias Macey");
    List<String> episodes = new ArrayList<>();
    List<String> guests = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String episode = "ep-" + unique();
      String guest = guestId("Guest " + i);
      episodes.add(episode);
      guests.add(guest);
      appear(host, episode, "HOST", 0);
      appear(guest, episode, "GUEST", 1);
    }
    List<Map<String, Object>> representations =
        episodes.stream()
            .map(id -> Map.<String, Object>of("__typename", "Episode", "id", id))
            .toList();

    Statistics statistics = sessionFactory.getStatistics();
    long before = statistics.getPrepareStatementCount();
    var response =
        post(EPISODE_ENTITIES, Map.of("representations", representations))
            .statusCode(200)
            .body("errors", nullValue())
            .body("data._entities", hasSize(50));
    assertEquals(
        1, statistics.getPrepareStatementCount() - before, "SQL statements for 50 episodes");

    for (int i = 0; i < 50; i++) {
      response
          .body("data._entities[" + i + "].id", equalTo(episodes.get(i)))
          .body("data._entities[" + i + "].guests.id", contains(guests.get(i)))
          .body("data._entities[" + i + "].hosts.id", contains(host));
    }
  }

  @Test
  void servesTheSeedNotesOnePersonAcrossEpisodes() {
    // Episodes 210, 201, 131 and 116 of the seed notes: one host on all four, five guests.
    String tag = unique();
    String tobias = guestId("Tobias Macey");
    Map<String, List<String>> guestsOf =
        Map.of(
            "210", List.of(guestId("David Holmes")),
            "201", List.of(guestId("Andy McCurdy"), guestId("Christoph Zimmerman")),
            "131", List.of(guestId("John Bywater")),
            "116", List.of(guestId("Glyph Lefkowitz")));
    List<Map<String, Object>> representations = new ArrayList<>();
    for (String number : List.of("210", "201", "131", "116")) {
      String episode = "ep-" + number + "-" + tag;
      representations.add(Map.of("__typename", "Episode", "id", episode));
      appear(tobias, episode, "HOST", 0);
      List<String> guests = guestsOf.get(number);
      for (int i = 0; i < guests.size(); i++) {
        appear(guests.get(i), episode, "GUEST", i + 1);
      }
    }

    var response =
        post(EPISODE_ENTITIES, Map.of("representations", representations))
            .body("errors", nullValue());
    for (int i = 0; i < 4; i++) {
      String number = List.of("210", "201", "131", "116").get(i);
      response
          .body("data._entities[" + i + "].hosts.id", contains(tobias))
          .body("data._entities[" + i + "].guests.id", contains(guestsOf.get(number).toArray()));
    }
    post(
            GUEST_ENTITIES,
            Map.of("representations", List.of(Map.of("__typename", "Guest", "id", tobias))))
        .body("data._entities[0].episodes", hasSize(4));
  }

  @Test
  void listsAnEpisodesGuestsInAppearanceOrder() {
    String episode = "ep-" + unique();
    String second = guestId("Christoph Zimmerman");
    String first = guestId("Andy McCurdy");
    appear(second, episode, "GUEST", 2);
    appear(first, episode, "GUEST", 1);

    post(
            EPISODE_ENTITIES,
            Map.of("representations", List.of(Map.of("__typename", "Episode", "id", episode))))
        .statusCode(200)
        .body("errors", nullValue())
        .body("data._entities[0].guests.id", contains(first, second))
        .body("data._entities[0].hosts", empty());
  }

  @Test
  void resolvesGuestsInOneBatchWithTheirEpisodesByKey() {
    String a = guestId("John Bywater");
    String b = guestId("Glyph Lefkowitz");
    String episode = "ep-" + unique();
    appear(b, episode, "GUEST", null);

    Statistics statistics = sessionFactory.getStatistics();
    long before = statistics.getPrepareStatementCount();
    post(
            GUEST_ENTITIES,
            Map.of(
                "representations",
                List.of(
                    Map.of("__typename", "Guest", "id", b),
                    Map.of("__typename", "Guest", "id", a))))
        .statusCode(200)
        .body("errors", nullValue())
        .body("data._entities[0].id", equalTo(b))
        .body("data._entities[0].episodes.id", contains(episode))
        .body("data._entities[0].appearances[0].role", equalTo("GUEST"))
        .body("data._entities[1].id", equalTo(a))
        .body("data._entities[1].episodes", empty());
    // One statement for the guests, one for all their appearances.
    assertEquals(2, statistics.getPrepareStatementCount() - before);
  }

  @Test
  void resolvesAnUnknownGuestToNull() {
    post(
            GUEST_ENTITIES,
            Map.of(
                "representations",
                List.of(
                    Map.of("__typename", "Guest", "id", "00000000-0000-0000-0000-000000000000"),
                    Map.of("__typename", "Guest", "id", "not-a-uuid"))))
        .statusCode(200)
        .body("errors", nullValue())
        .body("data._entities", contains(nullValue(), nullValue()));
  }
}
