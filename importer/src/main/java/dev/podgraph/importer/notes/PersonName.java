package dev.podgraph.importer.notes;

import dev.podgraph.rules.Slugs;

/**
 * A person as the notes name them: the name without honorific, the honorific if any was written
 * ("Dr."), and the slug that identifies the person across episodes.
 */
public record PersonName(String name, String honorific, String slug) {
  public static PersonName of(String name, String honorific) {
    return new PersonName(name, honorific, Slugs.of(name));
  }
}
