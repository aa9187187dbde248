package dev.podgraph.guest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.devinfra.GraphQLAssured;
import dev.podgraph.guest.GuestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GuestInfra.class)
class GuestSchemaTest {
  /** The SDL the gateway composes from; run once with -Dguest.schema.write=true to accept it. */
  private static final Path COMMITTED = Path.of("schema.graphql");

  private static String servedSdl() {
    return GraphQLAssured.post("{ _service { sdl } }")
        .statusCode(200)
        .extract()
        .path("data._service.sdl");
  }

  @Test
  void servedSchemaMatchesTheCommittedFile() throws IOException {
    String served = servedSdl();
    if (Boolean.getBoolean("guest.schema.write")) {
      Files.writeString(COMMITTED, served.strip() + "\n");
    }
    assertEquals(
        Files.readString(COMMITTED).strip(),
        served.strip(),
        "The served schema drifted from guest-service/schema.graphql: review the change, then run"
            + " the tests once with -Dguest.schema.write=true");
  }

  @Test
  void schemaLinksFederationTwoPointSeven() {
    String sdl = servedSdl();
    assertTrue(sdl.startsWith("schema @link("), sdl);
    assertTrue(sdl.contains("url : \"https://specs.apollo.dev/federation/v2.7\""), sdl);
    assertTrue(sdl.contains("type Guest @key(fields : \"id\")"), sdl);
    assertTrue(sdl.contains("type Episode @key(fields : \"id\")"), sdl);
  }
}
