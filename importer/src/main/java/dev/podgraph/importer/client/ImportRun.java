package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.importer.client.PodgraphApi.StoredPerson;
import dev.podgraph.importer.notes.EpisodeNotes;
import dev.podgraph.importer.notes.People;
import dev.podgraph.importer.notes.Person;
import dev.podgraph.importer.notes.RejectedDocumentException;
import dev.podgraph.importer.notes.ShowNotes;
import dev.podgraph.importer.notes.ShowNotesParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Imports a batch of documents in three steps:
 *
 * <ol>
 *   <li>every document is parsed, and the people it names are recognised against the whole catalog
 *       (read once) and the whole batch ({@link People}); a document that is not show notes or
 *       names someone ambiguously is refused here, before anything is written;
 *   <li>the people of the accepted documents are created or completed, each once;
 *   <li>the documents' episodes and appearances are written, several documents at a time.
 * </ol>
 *
 * A failure stops only its own document; the others go on. An episode whose import meets {@code
 * UNAVAILABLE} (a subgraph that is starting, slow or briefly down, or its circuit breaker open) is
 * imported again after a growing wait: importing an episode is idempotent, so a write that did land
 * before the failure is found unchanged the next time.
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

  /** Documents written at the same time by default. */
  public static final int DEFAULT_PARALLELISM = 8;

  /** How a wait between attempts is spent; tests record it instead. */
  interface Pause {
    void sleep(Duration wait) throws InterruptedException;
  }

  private final ShowNotesParser parser = new ShowNotesParser();
  private final PodgraphApi api;
  private final EpisodeImporter importer;
  private final Pause pause;
  private final int parallelism;
  private final java.util.Set<Integer> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile Map<Integer, PodgraphApi.StoredEpisode> listing;

  public ImportRun(PodgraphApi api, ObjectMapper json, boolean publishNew) {
    this(api, json, publishNew, DEFAULT_PARALLELISM);
  }

  public ImportRun(PodgraphApi api, ObjectMapper json, boolean publishNew, int parallelism) {
    this(api, json, publishNew, wait -> Thread.sleep(wait), parallelism);
  }

  ImportRun(PodgraphApi api, ObjectMapper json, boolean publishNew, Pause pause) {
    this(api, json, publishNew, pause, 1);
  }

  ImportRun(PodgraphApi api, ObjectMapper json, boolean publishNew, Pause pause, int parallelism) {
    this.api = api;
    this.importer = new EpisodeImporter(api, json, publishNew);
    this.pause = pause;
    this.parallelism = Math.max(1, parallelism);
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
    Map<String, StoredPerson> catalog = new LinkedHashMap<>();
    try {
      for (StoredPerson p : withRetries(api::people)) {
        catalog.put(p.fields().path("slug").asText(), p);
      }
    } catch (GraphQLException e) {
      List<DocumentResult> failed = new ArrayList<>();
      for (Parsed p : parsed) {
        failed.add(
            DocumentResult.failed(
                p.document(),
                p.notes() == null
                    ? p.rejection()
                    : "cannot read the people in the catalog: " + e.getMessage(),
                Map.of()));
      }
      failed.forEach(r -> progress.accept(r.line()));
      return new ImportReport(failed);
    }
    List<People.Known> known =
        catalog.values().stream()
            .map(
                p ->
                    new People.Known(
                        p.fields().path("slug").asText(),
                        p.fields().path("name").asText(),
                        p.fields().path("honorific").asText(null),
                        strings(p.fields().path("projects"))))
            .toList();

    // Recognise people over every parsed document, refuse the documents with an ambiguous name,
    // then recognise again over the accepted ones only, so that nothing of a refused document
    // (a bio, a project) reaches a person.
    People everyone = People.of(episodes(parsed), known);
    List<Parsed> checked = new ArrayList<>();
    for (Parsed p : parsed) {
      if (p.notes() == null) {
        checked.add(p);
        continue;
      }
      List<String> refusals =
          p.notes().episodes().stream().map(everyone::refusal).flatMap(Optional::stream).toList();
      checked.add(
          refusals.isEmpty()
              ? p
              : new Parsed(
                  p.document(),
                  null,
                  "ambiguous names, nothing of this document was written: "
                      + String.join("; ", refusals)));
    }
    People people = People.of(episodes(checked), known);

    // People are distinct slugs, so they are written side by side as well.
    Map<String, Change> personChanges = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, String> personFailures = new java.util.concurrent.ConcurrentHashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(parallelism)) {
      for (Person person : people.all()) {
        pool.submit(
            () -> {
              try {
                Optional<StoredPerson> stored = Optional.ofNullable(catalog.get(person.slug()));
                personChanges.put(
                    person.slug(), withRetries(() -> importer.ensurePerson(person, stored)));
              } catch (GraphQLException e) {
                personFailures.put(person.slug(), person.name() + ": " + e.getMessage());
              }
            });
      }
    }

    // The catalog's episodes in a few pages. An episode this run has already written (the same
    // number in two documents) or one whose attempt failed is looked up again.
    Map<Integer, PodgraphApi.StoredEpisode> listed;
    try {
      listed = withRetries(api::episodes);
    } catch (GraphQLException e) {
      listed = null;
    }
    this.listing = listed;
    int total = checked.size();
    AtomicInteger done = new AtomicInteger();
    Map<String, Boolean> reported = new HashMap<>();
    List<DocumentResult> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(parallelism)) {
      List<Future<DocumentResult>> futures = new ArrayList<>();
      for (Parsed p : checked) {
        Map<String, Change> firstMentions = new LinkedHashMap<>();
        if (p.notes() != null) {
          // A person created or updated is reported by the first document that names them.
          for (EpisodeNotes e : p.notes().episodes()) {
            for (People.Decision d : people.decisions(e)) {
              if (reported.putIfAbsent(d.slug(), true) == null) {
                firstMentions.put(d.slug(), personChanges.getOrDefault(d.slug(), Change.UNCHANGED));
              }
            }
          }
        }
        futures.add(
            pool.submit(
                () -> {
                  DocumentResult result =
                      p.notes() != null
                          ? write(p.notes(), people, firstMentions, personFailures)
                          : DocumentResult.failed(p.document(), p.rejection(), Map.of());
                  report(result, done.incrementAndGet(), total, progress);
                  return result;
                }));
      }
      for (Future<DocumentResult> f : futures) {
        results.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("import interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("import failed", e.getCause());
    }
    return new ImportReport(results);
  }

  private static void report(
      DocumentResult result, int done, int total, Consumer<String> progress) {
    synchronized (progress) {
      progress.accept(total > 1 ? "[" + done + "/" + total + "] " + result.line() : result.line());
      result.decisions().forEach(d -> progress.accept("    " + d));
    }
  }

  private static List<EpisodeNotes> episodes(List<Parsed> parsed) {
    return parsed.stream()
        .filter(p -> p.notes() != null)
        .flatMap(p -> p.notes().episodes().stream())
        .toList();
  }

  private static List<String> strings(com.fasterxml.jackson.databind.JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  /** A parsed document, or the reason it was rejected. */
  private record Parsed(String document, ShowNotes notes, String rejection) {}

  private DocumentResult write(
      ShowNotes notes,
      People people,
      Map<String, Change> firstMentions,
      Map<String, String> personFailures) {
    Map<Integer, Change> done = new LinkedHashMap<>();
    Map<String, Change> cast = new LinkedHashMap<>(firstMentions);
    List<String> decisions = new ArrayList<>();
    for (EpisodeNotes episode : notes.episodes()) {
      people.decisions(episode).forEach(d -> decisions.add(d.line()));
    }
    for (EpisodeNotes episode : notes.episodes()) {
      for (People.Decision d : people.decisions(episode)) {
        String failure = personFailures.get(d.slug());
        if (failure != null) {
          return DocumentResult.failed(
              notes.document(),
              "episode " + episode.number() + ": person " + failure,
              done,
              cast,
              decisions);
        }
      }
      try {
        EpisodeImporter.Outcome outcome = importWithRetries(episode, people);
        done.put(episode.number(), outcome.episode());
        outcome.people().forEach((slug, change) -> cast.merge(slug, change, Change::and));
      } catch (GraphQLException e) {
        return DocumentResult.failed(
            notes.document(),
            "episode " + episode.number() + ": " + e.getMessage(),
            done,
            cast,
            decisions);
      }
    }
    return DocumentResult.of(notes.document(), done, cast, decisions);
  }

  private EpisodeImporter.Outcome importWithRetries(EpisodeNotes episode, People people)
      throws GraphQLException {
    java.util.concurrent.atomic.AtomicBoolean first =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    return withRetries(
        () -> {
          Map<Integer, PodgraphApi.StoredEpisode> known = listing;
          boolean fromListing =
              first.getAndSet(false) && known != null && written.add(episode.number());
          return importer.importEpisode(
              episode,
              people,
              fromListing ? Optional.ofNullable(known.get(episode.number())) : null);
        });
  }

  /** One API step whose failure may be a subgraph starting or briefly down. */
  private interface Step<T> {
    T run() throws GraphQLException;
  }

  private <T> T withRetries(Step<T> step) throws GraphQLException {
    for (int attempt = 0; ; attempt++) {
      try {
        return step.run();
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
