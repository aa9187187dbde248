package dev.podgraph.gateway.bench;

import dev.podgraph.gateway.execute.CircuitBreakerSettings;
import dev.podgraph.gateway.fixture.FixtureSubgraph.Mode;
import dev.podgraph.gateway.fixture.GatewayHarness;
import dev.podgraph.gateway.fixture.ShopSubgraphs;
import dev.podgraph.gateway.fixture.Supergraphs;
import dev.podgraph.gateway.http.ProcessedResponse;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What clients see while one subgraph hangs, with the default timeout (2 s) and circuit breaker: 16
 * callers in a closed loop ask a query that needs a healthy subgraph and the hung one; then the
 * hung subgraph answers again and the run measures how long until full answers return. Off by
 * default; run with {@code ./mvnw -pl gateway test -Dtest=HungSubgraphBenchmark -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class HungSubgraphBenchmark {

  private static final int CONCURRENCY = 16;
  private static final String QUERY = "{ topProducts(first: 1) { name } me { name } }";

  private record Sample(long startedNanos, long latencyNanos, boolean full) {}

  @Test
  void measure() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ShopSubgraphs shop = new ShopSubgraphs(vertx)) {
      GatewayHarness gateway =
          new GatewayHarness(
              vertx,
              Supergraphs.load("shop", shop.urls()),
              name -> Duration.ofSeconds(2),
              CircuitBreakerSettings.defaults(),
              Clock.systemUTC());
      run(gateway, Duration.ofSeconds(3)); // warm-up
      report("healthy, 5 s", run(gateway, Duration.ofSeconds(5)));

      shop.users.mode(Mode.HANG);
      long hangStarted = System.nanoTime();
      List<Sample> hung = run(gateway, Duration.ofSeconds(10));
      report("users hung, 10 s: all requests", hung);
      report(
          "users hung: requests from 3 s on (breaker opened)",
          hung.stream().filter(s -> s.startedNanos() > hangStarted + 3_000_000_000L).toList());

      shop.users.mode(Mode.ANSWER);
      long recovered = System.nanoTime();
      List<Sample> after = run(gateway, Duration.ofSeconds(6));
      long firstFull =
          after.stream()
              .filter(Sample::full)
              .mapToLong(s -> s.startedNanos() + s.latencyNanos())
              .min()
              .orElse(Long.MAX_VALUE);
      System.out.printf(
          "BENCH users answers again: first full answer after %.0f ms; full answers in the last"
              + " 2 s: %.1f%%%n",
          (firstFull - recovered) / 1e6,
          100.0
              * after.stream()
                  .filter(s -> s.startedNanos() > recovered + 4_000_000_000L)
                  .filter(Sample::full)
                  .count()
              / Math.max(
                  1,
                  after.stream()
                      .filter(s -> s.startedNanos() > recovered + 4_000_000_000L)
                      .count()));
    } finally {
      vertx.close();
    }
  }

  /** A closed loop of {@link #CONCURRENCY} callers for the duration, bounded in time. */
  private static List<Sample> run(GatewayHarness gateway, Duration duration) throws Exception {
    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    Semaphore slots = new Semaphore(CONCURRENCY);
    List<CompletableFuture<ProcessedResponse>> inFlight = new ArrayList<>();
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      slots.acquire();
      long start = System.nanoTime();
      CompletableFuture<ProcessedResponse> call = gateway.process(QUERY);
      call.whenComplete(
          (response, failure) -> {
            samples.add(
                new Sample(
                    start,
                    System.nanoTime() - start,
                    failure == null && !response.body().containsKey("errors")));
            slots.release();
          });
      if (!call.isDone()) {
        inFlight.add(call);
      }
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get();
    synchronized (samples) {
      return new ArrayList<>(samples);
    }
  }

  private static void report(String name, List<Sample> samples) {
    long[] latencies = samples.stream().mapToLong(Sample::latencyNanos).sorted().toArray();
    System.out.printf(
        "BENCH %-55s %5d requests  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %5.0f ms"
            + "  under 100 ms %5.1f%%%n",
        name,
        latencies.length,
        latencies[latencies.length / 2] / 1e6,
        latencies[latencies.length * 95 / 100] / 1e6,
        latencies[latencies.length * 99 / 100] / 1e6,
        latencies[latencies.length - 1] / 1e6,
        100.0
            * java.util.Arrays.stream(latencies).filter(l -> l < 100_000_000L).count()
            / latencies.length);
  }
}
