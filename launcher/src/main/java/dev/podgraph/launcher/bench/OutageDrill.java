package dev.podgraph.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.launcher.PodgraphSystem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The front page under load while guest-service is healthy, hung (SIGSTOP: its port accepts
 * connections, nothing answers), thawed, killed and restarted; then while both subgraphs'
 * PostgreSQL connections are cut every second (with reads that miss every cache, so each request
 * needs both databases), and while Redis is paused ({@code CLIENT PAUSE}: nothing answers). Every
 * answer is classified as full (data, no errors), partial (data with errors that name their path
 * and code) or failed (no data, an error without path or code, or no GraphQL answer at all). Run it
 * with {@code ./mvnw -Poutage package}; the system tests use the same drill with shorter phases.
 */
public final class OutageDrill {
  public static final String FRONT_PAGE =
      "{ episodes(first: 10) { edges { node { number title"
          + " guests { name episodes { number title } } } } } }";

  /**
   * The front page plus two reads that miss every cache (a search text and a guest slug never asked
   * for before), so each request reaches both PostgreSQL databases: what the connection-cut phase
   * sends.
   */
  static String frontPageAndDatabaseReads() {
    String fresh = UUID.randomUUID().toString().substring(0, 8);
    return FRONT_PAGE.substring(0, FRONT_PAGE.length() - 1)
        + " searchEpisodes(text: \"drill"
        + fresh
        + "\") { totalCount } guest(slug: \"drill-"
        + fresh
        + "\") { name } }";
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  /** How one answer came out. */
  public enum Outcome {
    FULL,
    PARTIAL,
    FAILED
  }

  /**
   * One request: when it started and how long it took (nanoseconds from the phase's start), and
   * what came back.
   */
  public record Sample(long startedNanos, long latencyNanos, Outcome outcome, String answer) {}

  /** The samples of one phase of the drill. */
  public record Phase(String name, double seconds, List<Sample> samples) {
    public long count(Outcome outcome) {
      return samples.stream().filter(s -> s.outcome() == outcome).count();
    }

    /** Latencies of the requests that started at or after {@code from} (from the phase start). */
    public Histogram latencyFrom(Duration from) {
      Histogram histogram = new Histogram(3);
      samples.stream()
          .filter(s -> s.startedNanos() >= from.toNanos())
          .forEach(s -> histogram.recordValue(Math.max(1, s.latencyNanos())));
      return histogram;
    }

    public Histogram latency() {
      return latencyFrom(Duration.ZERO);
    }

    /**
     * From the phase start until the start of the first request after which every answer was full;
     * empty when the phase ended on an answer that was not full.
     */
    public Optional<Duration> fullAnswersFrom() {
      List<Sample> byStart = new ArrayList<>(samples);
      byStart.sort((a, b) -> Long.compare(a.startedNanos(), b.startedNanos()));
      if (byStart.isEmpty() || byStart.getLast().outcome() != Outcome.FULL) {
        return Optional.empty();
      }
      long lastBad = -1;
      for (Sample s : byStart) {
        if (s.outcome() != Outcome.FULL) {
          lastBad = s.startedNanos();
        }
      }
      final long after = lastBad;
      return byStart.stream()
          .filter(s -> s.startedNanos() > after)
          .findFirst()
          .map(s -> Duration.ofNanos(s.startedNanos()));
    }

    /** How many errors of each {@code extensions.reason} (or code) the phase's answers carried. */
    public Map<String, Integer> errorReasons() {
      Map<String, Integer> reasons = new java.util.TreeMap<>();
      for (Sample s : samples) {
        try {
          for (JsonNode error : JSON.readTree(s.answer()).path("errors")) {
            JsonNode ext = error.path("extensions");
            String reason = ext.path("reason").asText(ext.path("code").asText("none"));
            reasons.merge(reason, 1, Integer::sum);
          }
        } catch (IOException e) {
          reasons.merge("no GraphQL answer", 1, Integer::sum);
        }
      }
      return reasons;
    }

    public Optional<Sample> first(Outcome outcome) {
      return samples.stream().filter(s -> s.outcome() == outcome).findFirst();
    }

    public String row() {
      Histogram all = latency();
      return String.format(
          "| %-44s | %7d | %6d | %7d | %6d | %7.1f | %7.1f | %7.1f | %7.1f |",
          name,
          samples.size(),
          count(Outcome.FULL),
          count(Outcome.PARTIAL),
          count(Outcome.FAILED),
          millis(all.getValueAtPercentile(50)),
          millis(all.getValueAtPercentile(95)),
          millis(all.getValueAtPercentile(99)),
          millis(all.getMaxValue()));
    }

    public static String header() {
      return "| phase                                        | answers |   full | partial | failed |"
          + "  p50 ms |  p95 ms |  p99 ms |  max ms |\n"
          + "|---|---|---|---|---|---|---|---|---|";
    }
  }

  /** Something to do while the load runs, {@code after} the phase started. */
  public record Action(Duration after, Step step) {}

  /** A change to the system during a phase (pause, resume, stop, restart). */
  public interface Step {
    void run() throws Exception;
  }

  private OutageDrill() {}

  static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }

  /**
   * {@code concurrency} callers repeat the front-page query for {@code duration}; {@code action},
   * if any, runs on its own thread once its delay has passed (the load does not wait for it).
   */
  public static Phase load(
      URI gateway, String name, int concurrency, Duration duration, Action action)
      throws Exception {
    return load(gateway, name, concurrency, duration, action, () -> FRONT_PAGE);
  }

  /** As above, each request sending the query {@code query} makes at that moment. */
  public static Phase load(
      URI gateway,
      String name,
      int concurrency,
      Duration duration,
      Action action,
      Supplier<String> query)
      throws Exception {
    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running = new ArrayList<>();
      if (action != null) {
        running.add(
            callers.submit(
                () -> {
                  long wait = start + action.after().toNanos() - System.nanoTime();
                  if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait)); // the drill's schedule, not a sync
                  }
                  action.step().run();
                  return null;
                }));
      }
      for (int i = 0; i < concurrency; i++) {
        running.add(
            callers.submit(
                () -> {
                  while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    String answer = call(gateway, query.get());
                    long t1 = System.nanoTime();
                    samples.add(new Sample(t0 - start, t1 - t0, classify(answer), answer));
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
    List<Sample> sorted = new ArrayList<>(samples);
    sorted.sort((a, b) -> Long.compare(a.startedNanos(), b.startedNanos()));
    return new Phase(name, (System.nanoTime() - start) / 1e9, List.copyOf(sorted));
  }

  /** POSTs one query to the gateway over the drills' shared HTTP/1.1 client; the body as text. */
  static String post(URI gateway, String query, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(gateway)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(Map.of("query", query))))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String call(URI gateway, String query) {
    try {
      return post(gateway, query, Duration.ofSeconds(40));
    } catch (IOException e) {
      return "transport failure: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * Full: episodes with their guests and no errors. Partial: the episodes are there and every error
   * names a path and a code. Anything else failed, including {@code data: null} and an error that
   * does not say where or why.
   */
  public static Outcome classify(String answer) {
    JsonNode json;
    try {
      json = JSON.readTree(answer);
    } catch (IOException e) {
      return Outcome.FAILED;
    }
    JsonNode edges = json.path("data").path("episodes").path("edges");
    if (!edges.isArray() || edges.isEmpty()) {
      return Outcome.FAILED;
    }
    JsonNode errors = json.path("errors");
    if (errors.isMissingNode()) {
      for (JsonNode edge : edges) {
        if (!edge.path("node").path("guests").isArray()) {
          return Outcome.FAILED;
        }
      }
      return Outcome.FULL;
    }
    for (JsonNode error : errors) {
      if (!error.path("path").isArray() || !error.path("extensions").path("code").isTextual()) {
        return Outcome.FAILED;
      }
    }
    return Outcome.PARTIAL;
  }

  /** {@code ./mvnw -Poutage package}: PODGRAPH_DRILL_SECONDS (default 10), _CONCURRENCY (16). */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Duration phase = Duration.ofSeconds(BenchSystem.setting("PODGRAPH_DRILL_SECONDS", 10));
    int concurrency = BenchSystem.setting("PODGRAPH_DRILL_CONCURRENCY", 16);
    List<Phase> phases;
    try (PodgraphSystem system = BenchSystem.startSeeded(root, "drill", 9)) {
      phases = run(system, phase, concurrency);
    }
    print(phases, phase, concurrency);
    System.exit(0);
  }

  /**
   * The drill: warm-up, healthy, hung, thawed, killed, restarted; each phase {@code phase} long.
   */
  public static List<Phase> run(PodgraphSystem system, Duration phase, int concurrency)
      throws Exception {
    URI gateway = URI.create(system.graphqlUrl());
    String guest = "guest-service";
    List<Phase> phases = new ArrayList<>();
    load(gateway, "warm-up", concurrency, phase, null);
    phases.add(load(gateway, "guest-service healthy", concurrency, phase, null));
    system.pause(guest);
    phases.add(load(gateway, "guest-service hung (SIGSTOP)", concurrency, phase, null));
    phases.add(
        load(
            gateway,
            "guest-service thawed (SIGCONT at 0 s)",
            concurrency,
            phase,
            new Action(Duration.ZERO, () -> system.resume(guest))));
    system.stop(guest);
    phases.add(load(gateway, "guest-service killed (SIGTERM)", concurrency, phase, null));
    long restarting = System.nanoTime();
    system.restart(guest);
    Duration restart = Duration.ofNanos(System.nanoTime() - restarting);
    phases.add(
        load(
            gateway,
            "guest-service restarted (" + restart.toMillis() / 100 / 10.0 + " s to ready)",
            concurrency,
            phase,
            null));
    phases.add(connectionsCut(system, gateway, phase, concurrency));
    phases.add(
        load(
            gateway,
            "Redis paused (CLIENT PAUSE for the phase)",
            concurrency,
            phase,
            new Action(Duration.ZERO, () -> system.pauseRedis(phase))));
    return phases;
  }

  /**
   * Every second of the phase, every connection both subgraphs hold to PostgreSQL is cut, while
   * each request reads from both databases ({@link #frontPageAndDatabaseReads()}).
   */
  static Phase connectionsCut(PodgraphSystem system, URI gateway, Duration phase, int concurrency)
      throws Exception {
    AtomicInteger cut = new AtomicInteger();
    long end = System.nanoTime() + phase.toNanos();
    Phase cutting =
        load(
            gateway,
            "PostgreSQL connections cut",
            concurrency,
            phase,
            new Action(
                Duration.ofMillis(500),
                () -> {
                  while (System.nanoTime() < end - 500_000_000L) {
                    cut.addAndGet(system.cutDatabaseConnections());
                    Thread.sleep(Duration.ofSeconds(1)); // the drill's schedule, not a sync
                  }
                }),
            OutageDrill::frontPageAndDatabaseReads);
    return new Phase(
        "PostgreSQL connections cut every 1 s (" + cut.get() + " cut)",
        cutting.seconds(),
        cutting.samples());
  }

  public static void print(List<Phase> phases, Duration phase, int concurrency) {
    System.out.println();
    System.out.println("Query: " + FRONT_PAGE);
    System.out.printf(
        "Machine: %d cores; %d concurrent callers; each phase %d s%n",
        Runtime.getRuntime().availableProcessors(), concurrency, phase.toSeconds());
    System.out.println(Phase.header());
    phases.forEach(p -> System.out.println(p.row()));
    phases.forEach(
        p -> {
          if (!p.errorReasons().isEmpty()) {
            System.out.println("Errors, " + p.name() + ": " + p.errorReasons());
          }
        });
    for (Phase p : phases) {
      if (p.name().startsWith("guest-service hung")) {
        Histogram open = p.latencyFrom(Duration.ofSeconds(3));
        System.out.printf(
            "Hung, requests started 3 s in or later: p95 %.1f ms, %.1f%% under 100 ms, max %.1f ms%n",
            millis(open.getValueAtPercentile(95)),
            100.0 * open.getCountBetweenValues(0, 100_000_000L) / Math.max(1, open.getTotalCount()),
            millis(open.getMaxValue()));
      }
      if (p.name().startsWith("guest-service thawed")) {
        System.out.println(
            "Thawed: every answer full for requests started "
                + p.fullAnswersFrom().map(d -> d.toMillis() + " ms").orElse("never")
                + " after SIGCONT");
      }
      if (p.name().startsWith("PostgreSQL connections cut")) {
        System.out.printf(
            "Connections cut: %d answers, %d not full, %d INTERNAL errors%n",
            p.samples().size(),
            p.samples().size() - p.count(Outcome.FULL),
            p.errorReasons().getOrDefault("INTERNAL", 0));
      }
      if (p.name().startsWith("guest-service restarted")) {
        System.out.println(
            "Restarted: every answer full for requests started "
                + p.fullAnswersFrom().map(d -> d.toMillis() + " ms").orElse("never")
                + " after it was ready");
      }
    }
  }
}
