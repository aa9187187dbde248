package dev.podgraph.catalog.api;

import static dev.podgraph.catalog.EpisodeFixtures.input;
import static dev.podgraph.catalog.EpisodeFixtures.nextNumber;
import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.catalog.CatalogInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of the show notes added for the importer: topic and the music credit's parts. */
@QuarkusTest
@WithTestResource(CatalogInfra.class)
class EpisodeTopicAndMusicTest {
  private static final String PARTS =
      "id version updatedAt topic musicCredit musicWork musicArtist musicLicense";

  private static Map<String, Object> withParts(int number) {
    Map<String, Object> input = input(number, "Topics " + number, "Topic tests");
    input.put("topic", "  his work at the US Digital Services organization ");
    input.put("musicCredit", "Requiem for a Fish The Freak Fandango Orchestra / CC BY-SA");
    input.put("musicWork", "Requiem for a Fish");
    input.put("musicArtist", "The Freak Fandango Orchestra");
    input.put("musicLicense", "CC BY-SA");
    return input;
  }

  @Test
  void storesTheTopicAndTheMusicCreditsPartsAndAnUnchangedUpdateKeepsTheVersion() {
    int number = nextNumber();
    Map<String, Object> created =
        asEditor(
                "mutation($input: EpisodeInput!) { createEpisode(input: $input) { "
                    + PARTS
                    + " } }",
                Map.of("input", withParts(number)))
            .statusCode(200)
            .body("errors", nullValue())
            .body(
                "data.createEpisode.topic",
                equalTo("his work at the US Digital Services organization"))
            .body("data.createEpisode.musicWork", equalTo("Requiem for a Fish"))
            .body("data.createEpisode.musicArtist", equalTo("The Freak Fandango Orchestra"))
            .body("data.createEpisode.musicLicense", equalTo("CC BY-SA"))
            .extract()
            .path("data.createEpisode");

    Map<String, Object> again = withParts(number);
    Map<String, Object> updated =
        asEditor(
                "mutation($id: ID!, $v: Int!, $input: EpisodeInput!) {"
                    + " updateEpisode(id: $id, expectedVersion: $v, input: $input) { "
                    + PARTS
                    + " } }",
                Map.of("id", created.get("id"), "v", created.get("version"), "input", again))
            .statusCode(200)
            .body("errors", nullValue())
            .extract()
            .path("data.updateEpisode");
    assertEquals(created.get("version"), updated.get("version"));
    assertEquals(created.get("updatedAt"), updated.get("updatedAt"));
  }

  @Test
  void refusesAnOverLongLicenseAsBadUserInput() {
    Map<String, Object> input = withParts(nextNumber());
    input.put("musicLicense", "x".repeat(101));
    asEditor(
            "mutation($input: EpisodeInput!) { createEpisode(input: $input) { id } }",
            Map.of("input", input))
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
  }
}
