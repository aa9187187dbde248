package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podgraph.importer.notes.Person;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The person input sent to guest-service. Unlike an episode, a person is described by many
 * documents, so an import only adds to what is stored: an honorific or bio is written when the
 * notes give one, projects are the union of stored and noted ones, nothing is cleared. Importing
 * documents one at a time in any order therefore converges instead of flapping.
 */
final class PersonInputs {
  private PersonInputs() {}

  static ObjectNode create(Person p, ObjectMapper json) {
    ObjectNode input = json.createObjectNode();
    input.put("name", p.name());
    input.put("slug", p.slug());
    putIfGiven(input, "honorific", p.honorific());
    putIfGiven(input, "bio", p.bio());
    ArrayNode projects = input.putArray("projects");
    p.projects().forEach(projects::add);
    return input;
  }

  /** Only the fields whose stored value differs from what the notes say; empty when none. */
  static ObjectNode changes(Person p, JsonNode stored, ObjectMapper json) {
    ObjectNode changes = json.createObjectNode();
    if (!p.name().equals(stored.path("name").asText())) {
      changes.put("name", p.name());
    }
    if (p.honorific() != null && !p.honorific().equals(stored.path("honorific").asText(null))) {
      changes.put("honorific", p.honorific());
    }
    if (p.bio() != null && !p.bio().equals(stored.path("bio").asText(null))) {
      changes.put("bio", p.bio());
    }
    Set<String> projects = new LinkedHashSet<>();
    stored.path("projects").forEach(node -> projects.add(node.asText()));
    if (!projects.containsAll(p.projects())) {
      projects.addAll(p.projects());
      ArrayNode merged = changes.putArray("projects");
      projects.forEach(merged::add);
    }
    return changes;
  }

  private static void putIfGiven(ObjectNode input, String field, String value) {
    if (value != null) {
      input.put(field, value);
    }
  }
}
