package dev.podgraph.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.gateway.execute.SubgraphClient;
import dev.podgraph.gateway.execute.VertxSubgraphClient;
import dev.podgraph.gateway.fixture.GatewayHarness;
import dev.podgraph.gateway.fixture.ShopSubgraphs;
import dev.podgraph.gateway.fixture.Supergraphs;
import dev.podgraph.gateway.supergraph.Subgraph;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A load run of the request pipeline (parse cache, plan cache, fetches, merge, shaping) over the
 * fixture subgraphs on loopback, against calling a subgraph directly. Off by default; run with
 * {@code ./mvnw -pl gateway test -Dtest=GatewayBenchmark -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class GatewayBenchmark {

  private static final int CONCURRENCY = 16;
  private static final int WARMUP = 3000;
  private static final int MEASURED = 10000;

  @Test
  void measure() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ShopSubgraphs shop = new ShopSubgraphs(vertx)) {
      GatewayHarness gateway =
          new GatewayHarness(vertx, Supergraphs.load("shop", shop.urls()), Duration.ofSeconds(5));
      SubgraphClient direct =
          new VertxSubgraphClient(
              vertx, new ObjectMapper(), Duration.ofSeconds(5), 64, new SimpleMeterRegistry());
      Subgraph products = new Subgraph("PRODUCTS", "products", shop.products.url());
      String single = "{ topProducts(first: 3) { name price } }";
      String federated =
          "{ topProducts(first: 3) { name inStock shippingEstimate reviews { body author { name } } } }";

      report(
          "direct to products  " + single,
          run(() -> direct.send(products, single, Map.of(), Map.of())));
      report("gateway, 1 subgraph " + single, run(() -> gateway.process(single)));
      report(
          "gateway, 4 subgraphs (5 fetches) " + federated, run(() -> gateway.process(federated)));
    } finally {
      vertx.close();
    }
  }

  private static long[] run(Supplier<CompletionStage<?>> call) throws Exception {
    load(call, WARMUP, new long[WARMUP]);
    long[] latencies = new long[MEASURED];
    long started = System.nanoTime();
    load(call, MEASURED, latencies);
    long elapsed = System.nanoTime() - started;
    long[] result = Arrays.copyOf(latencies, MEASURED + 1);
    result[MEASURED] = elapsed;
    return result;
  }

  private static void load(Supplier<CompletionStage<?>> call, int count, long[] latencies)
      throws Exception {
    Semaphore slots = new Semaphore(CONCURRENCY);
    CompletableFuture<?>[] all = new CompletableFuture<?>[count];
    for (int i = 0; i < count; i++) {
      slots.acquire();
      long start = System.nanoTime();
      int index = i;
      all[i] =
          call.get()
              .toCompletableFuture()
              .whenComplete(
                  (r, e) -> {
                    latencies[index] = System.nanoTime() - start;
                    slots.release();
                  });
    }
    CompletableFuture.allOf(all).get();
  }

  private static void report(String name, long[] measured) {
    long elapsed = measured[MEASURED];
    long[] latencies = Arrays.copyOf(measured, MEASURED);
    Arrays.sort(latencies);
    System.out.printf(
        "BENCH %-90s %8.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms%n",
        name,
        MEASURED / (elapsed / 1e9),
        latencies[MEASURED / 2] / 1e6,
        latencies[MEASURED * 9 / 10] / 1e6,
        latencies[MEASURED * 99 / 100] / 1e6);
  }
}
