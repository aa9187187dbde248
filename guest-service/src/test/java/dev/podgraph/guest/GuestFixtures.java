package dev.podgraph.guest;

import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data made through the public API, with names unique per call so tests never collide. */
public final class GuestFixtures {
  public static final String CREATE =
      "mutation($input: CreateGuestInput!) { createGuest(input: $input) {"
          + " id name slug honorific bio projects links version createdAt updatedAt } }";
  public static final String ADD =
      "mutation($input: AppearanceInput!) { addAppearance(input: $input) {"
          + " role order episodeNumber episode { id } guest { id } } }";

  private GuestFixtures() {}

  /** A short random token to make names, slugs and episode ids unique. */
  public static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a person named {@code name} (made unique), returning the created Guest as a map. */
  public static Map<String, Object> guest(String name) {
    return guest(name + " " + unique(), null, List.of());
  }

  public static Map<String, Object> guest(String name, String honorific, List<String> projects) {
    Map<String, Object> input = new HashMap<>();
    input.put("name", name);
    input.put("honorific", honorific);
    input.put("projects", projects);
    return asEditor(CREATE, Map.of("input", input))
        .statusCode(200)
        .body("errors", nullValue())
        .extract()
        .path("data.createGuest");
  }

  public static String guestId(String name) {
    return (String) guest(name).get("id");
  }

  public static void appear(String guestId, String episodeId, String role, Integer order) {
    Map<String, Object> input = new HashMap<>();
    input.put("guestId", guestId);
    input.put("episodeId", episodeId);
    input.put("role", role);
    input.put("order", order);
    asEditor(ADD, Map.of("input", input)).statusCode(200).body("errors", nullValue());
  }
}
