package dev.podgraph.importer.notes;

import java.util.List;

/** One parsed document: the name it was read from and the episodes it holds, in file order. */
public record ShowNotes(String document, List<EpisodeNotes> episodes) {
  public ShowNotes {
    episodes = List.copyOf(episodes);
  }
}
