package dev.podgraph.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code concurrency} callers each repeat one operation until the time is up
 * (or a request cap is reached), recording each operation's latency.
 */
final class LoadRun {
  /** One operation; returns normally when it succeeded, throws when it failed. */
  interface Operation {
    void call() throws Exception;
  }

  record Result(String name, long operations, long errors, double seconds, Histogram latency) {
    double perSecond() {
      return operations / seconds;
    }

    String row() {
      return String.format(
          "| %-34s | %9d | %8.0f | %7.2f | %7.2f | %7.2f | %7.2f | %6d |",
          name,
          operations,
          perSecond(),
          millis(latency.getValueAtPercentile(50)),
          millis(latency.getValueAtPercentile(90)),
          millis(latency.getValueAtPercentile(99)),
          millis(latency.getMaxValue()),
          errors);
    }

    static String header() {
      return "| scenario                           |       ops |    ops/s |  p50 ms |  p90 ms |"
          + "  p99 ms |  max ms | errors |\n"
          + "|---|---|---|---|---|---|---|---|";
    }

    private static double millis(long nanos) {
      return nanos / 1_000_000.0;
    }
  }

  private LoadRun() {}

  static Result run(
      String name, Operation operation, int concurrency, Duration duration, long maxOperations)
      throws Exception {
    ConcurrentHistogram latency = new ConcurrentHistogram(3);
    AtomicLong operations = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        running.add(
            callers.submit(
                () -> {
                  while (System.nanoTime() < deadline
                      && operations.incrementAndGet() <= maxOperations) {
                    long t0 = System.nanoTime();
                    try {
                      operation.call();
                      latency.recordValue(System.nanoTime() - t0);
                    } catch (Exception e) {
                      errors.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> caller : running) {
        caller.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long done = latency.getTotalCount();
    return new Result(name, done, errors.get(), seconds, latency);
  }
}
