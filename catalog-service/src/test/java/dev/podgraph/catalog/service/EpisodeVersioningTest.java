package dev.podgraph.catalog.service;

import static dev.podgraph.catalog.EpisodeFixtures.UPDATE;
import static dev.podgraph.catalog.EpisodeFixtures.create;
import static dev.podgraph.catalog.EpisodeFixtures.input;
import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.catalog.CatalogInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CatalogInfra.class)
class EpisodeVersioningTest {

  private static Map<String, Object> sameContent(Map<String, Object> episode) {
    Map<String, Object> in =
        input(
            (Integer) episode.get("number"),
            (String) episode.get("title"),
            (String) episode.get("category"));
    in.put("summary", episode.get("summary"));
    return in;
  }

  @Test
  void anUpdateThatChangesNothingKeepsVersionAndUpdatedAt() {
    Map<String, Object> created = create("Idempotent", "versioning");
    Map<String, Object> again =
        asEditor(UPDATE, Map.of("id", created.get("id"), "v", 0, "input", sameContent(created)))
            .extract()
            .path("data.updateEpisode");
    assertEquals(0, again.get("version"));
    assertEquals(created.get("updatedAt"), again.get("updatedAt"));
    assertEquals(created, again);
  }

  @Test
  void aStaleExpectedVersionIsAConflict() {
    Map<String, Object> created = create("Stale", "versioning");
    Map<String, Object> changed = sameContent(created);
    changed.put("summary", "first edit");
    asEditor(UPDATE, Map.of("id", created.get("id"), "v", 0, "input", changed))
        .body("data.updateEpisode.version", equalTo(1));
    changed.put("summary", "second edit from an old read");
    asEditor(UPDATE, Map.of("id", created.get("id"), "v", 0, "input", changed))
        .body("errors[0].extensions.code", equalTo("CONFLICT"));
  }

  @Test
  void twoConcurrentUpdatesOfOneEpisodeLeaveOneWinnerAndOneConflict() throws Exception {
    Map<String, Object> created = create("Contended", "versioning");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Map<String, Object>>> results = new ArrayList<>();
      for (String summary : List.of("edit by A", "edit by B")) {
        Map<String, Object> in = sameContent(created);
        in.put("summary", summary);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return asEditor(UPDATE, Map.of("id", created.get("id"), "v", 0, "input", in))
                      .statusCode(200)
                      .extract()
                      .path("");
                }));
      }
      start.countDown();
      int won = 0;
      int conflicts = 0;
      String winner = null;
      for (Future<Map<String, Object>> result : results) {
        Map<String, Object> body = result.get();
        if (body.get("errors") == null) {
          won++;
          winner =
              (String)
                  ((Map<?, ?>) ((Map<?, ?>) body.get("data")).get("updateEpisode")).get("summary");
        } else {
          conflicts++;
          assertEquals(
              "CONFLICT",
              ((Map<?, ?>) ((Map<?, ?>) ((List<?>) body.get("errors")).get(0)).get("extensions"))
                  .get("code"));
        }
      }
      assertEquals(1, won);
      assertEquals(1, conflicts);
      asEditor(
              "query($id: ID) { episode(id: $id) { summary version } }",
              Map.of("id", created.get("id")))
          .body("data.episode.summary", equalTo(winner))
          .body("data.episode.version", equalTo(1));
    } finally {
      pool.shutdownNow();
    }
  }
}
