package dev.podgraph.importer.notes;

import java.util.List;

/**
 * A guest of one episode: who, what the summary says they are ({@code role}, e.g. "the current
 * director of engineering for the USDS", or null) and the projects the episode names them with.
 */
public record GuestNotes(PersonName person, String role, List<String> projects) {
  public GuestNotes {
    projects = List.copyOf(projects);
  }
}
