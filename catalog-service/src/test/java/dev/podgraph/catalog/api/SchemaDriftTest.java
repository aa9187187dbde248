package dev.podgraph.catalog.api;

import static dev.podgraph.devinfra.GraphQLAssured.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.catalog.CatalogInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * catalog-service/schema.graphql is the subgraph SDL the gateway composes ({@code _service { sdl
 * }}); a change to the served one fails here until the file is updated and reviewed.
 */
@QuarkusTest
@WithTestResource(CatalogInfra.class)
class SchemaDriftTest {
  private static final Path COMMITTED = Path.of("schema.graphql");

  @Test
  void servedSubgraphSchemaIsTheCommittedOne() throws IOException {
    String served =
        post("{ _service { sdl } }").statusCode(200).extract().path("data._service.sdl");
    if (Boolean.getBoolean("podgraph.schema.write")) {
      Files.writeString(COMMITTED, served);
    }
    assertEquals(
        Files.readString(COMMITTED),
        served,
        "The served schema differs from catalog-service/schema.graphql. If the change is meant,"
            + " rerun this test with -Dpodgraph.schema.write=true and commit the file.");
  }

  @Test
  void subgraphSchemaLinksFederationTwoPointSevenAndKeysEpisodeById() {
    String served = post("{ _service { sdl } }").extract().path("data._service.sdl");
    assertTrue(served.contains("https://specs.apollo.dev/federation/v2.7"), served);
    assertTrue(
        Pattern.compile("type Episode @key\\(fields ?: ?\"id\"\\)").matcher(served).find(), served);
  }
}
