package dev.podgraph.devinfra;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads under connection cuts, the load each service's {@code DatabaseFaultTest} runs: {@code
 * callers} threads send {@code perCaller} reads each, and every {@code cutEvery}-th answer anywhere
 * cuts every connection to {@code database} ({@link PostgresFaults#terminateConnections}) while the
 * other callers' reads are in flight. Counts the error codes of the answers.
 */
public final class ConnectionCutLoad {
  /** One read: the answer of caller {@code caller}'s {@code i}-th request. */
  @FunctionalInterface
  public interface Read {
    JsonPath send(int caller, int i);
  }

  /** What the load met: requests, connections cut, error codes counted, latencies (ns). */
  public record Result(
      int requests,
      int callers,
      int cutEvery,
      int cut,
      Map<String, Integer> errors,
      long[] sortedNanos) {
    /** One line for the test's output, with {@code retried} reads from the service's metrics. */
    public String describe(String service, long retried) {
      return String.format(
          "%s, connections cut under load: %d requests by %d callers, %d connections terminated"
              + " in %d cuts, reads retried %d, errors %s, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
          service,
          requests,
          callers,
          cut,
          requests / cutEvery,
          retried,
          new TreeMap<>(errors),
          sortedNanos[sortedNanos.length / 2] / 1e6,
          sortedNanos[(int) (sortedNanos.length * 0.99)] / 1e6,
          sortedNanos[sortedNanos.length - 1] / 1e6);
    }
  }

  private ConnectionCutLoad() {}

  /**
   * Reads SmallRye Fault Tolerance ran again, from a service's Prometheus text ({@code
   * /q/metrics}): the sum of {@code ft_retry_retries_total}. A sample may end in an OpenTelemetry
   * exemplar ({@code # {trace_id=...} 1.0 1764...}); the value is the number before it.
   */
  public static long retriesIn(String metrics) {
    return metrics
        .lines()
        .filter(l -> l.startsWith("ft_retry_retries_total"))
        .map(l -> l.contains(" # ") ? l.substring(0, l.indexOf(" # ")) : l)
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  public static Result run(String database, int callers, int perCaller, int cutEvery, Read read)
      throws InterruptedException, ExecutionException {
    AtomicInteger done = new AtomicInteger();
    AtomicInteger cut = new AtomicInteger();
    Map<String, Integer> errors = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        int caller = c;
        running.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perCaller; i++) {
                    long t0 = System.nanoTime();
                    JsonPath answer = read.send(caller, i);
                    latencies.add(System.nanoTime() - t0);
                    List<Object> codes = answer.getList("errors.extensions.code");
                    if (codes != null) {
                      codes.forEach(code -> errors.merge(String.valueOf(code), 1, Integer::sum));
                    }
                    if (done.incrementAndGet() % cutEvery == 0) {
                      cut.addAndGet(PostgresFaults.terminateConnections(database));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Result(done.get(), callers, cutEvery, cut.get(), Map.copyOf(errors), sorted);
  }
}
