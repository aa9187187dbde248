package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.importer.notes.EpisodeNotes;
import dev.podgraph.importer.notes.People;
import dev.podgraph.importer.notes.RejectedDocumentException;
import dev.podgraph.importer.notes.ShowNotes;
import dev.podgraph.importer.notes.ShowNotesParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Imports a batch of documents. Every document is parsed before anything is written, so a rejected
 * document writes nothing, and people are reconciled over the whole batch. A failure stops only its
 * own document; the others go on. An episode whose import meets {@code UNAVAILABLE} (a subgraph
 * that is starting, slow or briefly down, or its circuit breaker open) is imported again after a
 * growing wait: importing an episode is idempotent, so a write that did land before the failure is
 * found unchanged the next time.
 */
public final class ImportRun {
  /** Waits between attempts at one episode: 0.25 s doubling, six attempts in all (7.75 s). */
  static final List<Duration> RETRY_WAITS =
      List.of(
          Duration.ofMillis(250),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofSeconds(2),
          Duration.ofSeconds(4));

  /** How a wait between attempts is spent; tests record it instead. */
  interface Pause {
    void sleep(Duration wait) throws InterruptedException;
  }

  private final ShowNotesParser parser = new ShowNotesParser();
  private final EpisodeImporter importer;
  private final Pause pause;

  public ImportRun(PodgraphApi api, ObjectMapper json, boolean publishNew) {
    this(api, json, publishNew, wait -> Thread.sleep(wait));
  }

  ImportRun(PodgraphApi api, ObjectMapper json, boolean publishNew, Pause pause) {
    this.importer = new EpisodeImporter(api, json, publishNew);
    this.pause = pause;
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
        done.put(episode.number(), importWithRetries(episode, people));
      } catch (GraphQLException e) {
        return DocumentResult.failed(
            notes.document(), "episode " + episode.number() + ": " + e.getMessage(), done);
      }
    }
    return DocumentResult.of(notes.document(), done);
  }

  private Change importWithRetries(EpisodeNotes episode, People people) throws GraphQLException {
    for (int attempt = 0; ; attempt++) {
      try {
        return importer.importEpisode(episode, people);
      } catch (GraphQLException e) {
        if (!"UNAVAILABLE".equals(e.code()) || attempt >= RETRY_WAITS.size()) {
          throw e;
        }
        try {
          pause.sleep(RETRY_WAITS.get(attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
