package dev.podgraph.catalog;

import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Episodes for tests, created through the API as an editor. Numbers are unique per JVM, so test
 * classes sharing a boot never collide; a category per test isolates list results.
 */
public final class EpisodeFixtures {
  private static final AtomicInteger NUMBERS = new AtomicInteger(1000);

  public static final String FIELDS =
      "id number title slug category summary announcementsHeading announcements"
          + " sponsors { name url } questions { text followUps } keepInTouch { text url }"
          + " picks { text url } links { text url } musicCredit audioUrl imageUrl durationSeconds"
          + " status createdAt updatedAt scheduledFor publishedAt archivedAt version";

  public static final String CREATE =
      "mutation($input: EpisodeInput!) { createEpisode(input: $input) { " + FIELDS + " } }";
  public static final String UPDATE =
      "mutation($id: ID!, $v: Int!, $input: EpisodeInput!) {"
          + " updateEpisode(id: $id, expectedVersion: $v, input: $input) { "
          + FIELDS
          + " } }";

  private EpisodeFixtures() {}

  public static int nextNumber() {
    return NUMBERS.incrementAndGet();
  }

  /** A minimal valid input. */
  public static Map<String, Object> input(int number, String title, String category) {
    Map<String, Object> input = new HashMap<>();
    input.put("number", number);
    input.put("title", title);
    input.put("category", category);
    input.put("summary", "Summary of " + title);
    return input;
  }

  /** Creates an episode; returns createEpisode's answer. */
  public static Map<String, Object> create(Map<String, Object> input) {
    return asEditor(CREATE, Map.of("input", input))
        .statusCode(200)
        .body("errors", nullValue())
        .extract()
        .path("data.createEpisode");
  }

  public static Map<String, Object> create(String title, String category) {
    int number = nextNumber();
    return create(input(number, title + " " + number, category));
  }

  /** Publishes an episode at the version it was read; returns publishEpisode's answer. */
  public static Map<String, Object> publish(Map<String, Object> episode) {
    return asEditor(
            "mutation($id: ID!, $v: Int!) { publishEpisode(id: $id, expectedVersion: $v) { "
                + FIELDS
                + " } }",
            Map.of("id", episode.get("id"), "v", episode.get("version")))
        .statusCode(200)
        .body("errors", nullValue())
        .extract()
        .path("data.publishEpisode");
  }

  /** Creates an episode and publishes it, so that anonymous callers see it. */
  public static Map<String, Object> createPublished(String title, String category) {
    return publish(create(title, category));
  }

  /** Creates {@code count} episodes in {@code category}; returns their ids, oldest first. */
  public static List<String> createMany(int count, String category) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add((String) create("Episode in " + category, category).get("id"));
    }
    return ids;
  }
}
