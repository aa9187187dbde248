package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podgraph.importer.notes.Person;
import java.util.LinkedHashSet;
import java.util.Optional;
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
    input.putArray("links");
    return input;
  }

  /**
   * The update to send when the stored person differs from what the notes say, else empty.
   * guest-service's UpdateGuestInput requires name, projects and links, so those are always sent
   * (links as stored: the notes have none per person).
   */
  static Optional<ObjectNode> update(Person p, JsonNode stored, ObjectMapper json) {
    boolean changed = !p.name().equals(stored.path("name").asText());
    ObjectNode update = json.createObjectNode();
    update.put("name", p.name());
    if (p.honorific() != null && !p.honorific().equals(stored.path("honorific").asText(null))) {
      update.put("honorific", p.honorific());
      changed = true;
    }
    if (p.bio() != null && !p.bio().equals(stored.path("bio").asText(null))) {
      update.put("bio", p.bio());
      changed = true;
    }
    Set<String> projects = new LinkedHashSet<>();
    stored.path("projects").forEach(node -> projects.add(node.asText()));
    if (!projects.containsAll(p.projects())) {
      projects.addAll(p.projects());
      changed = true;
    }
    ArrayNode merged = update.putArray("projects");
    projects.forEach(merged::add);
    ArrayNode links = update.putArray("links");
    stored.path("links").forEach(links::add);
    return changed ? Optional.of(update) : Optional.empty();
  }

  private static void putIfGiven(ObjectNode input, String field, String value) {
    if (value != null) {
      input.put(field, value);
    }
  }
}
