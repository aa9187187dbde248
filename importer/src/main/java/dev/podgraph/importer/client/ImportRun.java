package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.importer.notes.EpisodeNotes;
import dev.podgraph.importer.notes.People;
import dev.podgraph.importer.notes.RejectedDocumentException;
import dev.podgraph.importer.notes.ShowNotes;
import dev.podgraph.importer.notes.ShowNotesParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Imports a batch of documents. Every document is parsed before anything is written, so a rejected
 * document writes nothing, and people are reconciled over the whole batch. A failure stops only its
 * own document; the others go on.
 */
public final class ImportRun {
  private final ShowNotesParser parser = new ShowNotesParser();
  private final EpisodeImporter importer;

  public ImportRun(PodgraphApi api, ObjectMapper json, boolean publishNew) {
    this.importer = new EpisodeImporter(api, json, publishNew);
  }

  public ImportReport run(List<Source> sources, Consumer<String> progress) {
    List<Parsed> parsed = new ArrayList<>();
    for (Source source : sources) {
      try {
        parsed.add(new Parsed(source.name(), parser.parse(source.name(), source.text()), null));
      } catch (RejectedDocumentException e) {
        parsed.add(new Parsed(source.name(), null, e.reason()));
      }
    }
    People people =
        People.of(
            parsed.stream()
                .filter(p -> p.notes() != null)
                .flatMap(p -> p.notes().episodes().stream())
                .toList());
    List<DocumentResult> results = new ArrayList<>();
    for (Parsed p : parsed) {
      DocumentResult result =
          p.notes() != null
              ? write(p.notes(), people)
              : DocumentResult.failed(p.document(), p.rejection(), Map.of());
      progress.accept(result.line());
      results.add(result);
    }
    return new ImportReport(results);
  }

  /** A parsed document, or the reason it was rejected. */
  private record Parsed(String document, ShowNotes notes, String rejection) {}

  private DocumentResult write(ShowNotes notes, People people) {
    Map<Integer, Change> done = new LinkedHashMap<>();
    for (EpisodeNotes episode : notes.episodes()) {
      try {
        done.put(episode.number(), importer.importEpisode(episode, people));
      } catch (GraphQLException e) {
        return DocumentResult.failed(
            notes.document(), "episode " + episode.number() + ": " + e.getMessage(), done);
      }
    }
    return DocumentResult.of(notes.document(), done);
  }
}
