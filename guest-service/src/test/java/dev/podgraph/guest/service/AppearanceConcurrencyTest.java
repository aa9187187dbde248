package dev.podgraph.guest.service;

import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static dev.podgraph.devinfra.GraphQLAssured.post;
import static dev.podgraph.guest.GuestFixtures.ADD;
import static dev.podgraph.guest.GuestFixtures.appear;
import static dev.podgraph.guest.GuestFixtures.guestId;
import static dev.podgraph.guest.GuestFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.podgraph.guest.GuestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * addAppearance called in parallel through the API: positions stay unique per episode, and
 * identical upserts all succeed. The calls are released together by a latch, so they reach the
 * service at the same time rather than one after another.
 */
@QuarkusTest
@WithTestResource(GuestInfra.class)
class AppearanceConcurrencyTest {
  private static final String LINEUP =
      "query($r: [_Any!]!) { _entities(representations: $r) {"
          + " ... on Episode { guests { id } hosts { id } } } }";
  private static final int PARALLEL = 12;

  @Test
  void twelveParallelAppendsWithoutAnOrderGetTwelveDistinctPositions() throws Exception {
    String episode = "ep-" + unique();
    List<String> people = new ArrayList<>();
    for (int i = 0; i < PARALLEL; i++) {
      people.add(guestId("Parallel Guest"));
    }
    List<JsonPath> answers = inParallel(people.stream().map(p -> add(p, episode, null)).toList());
    Set<Integer> positions = new TreeSet<>();
    for (JsonPath answer : answers) {
      assertNull(answer.get("errors"), answer.prettify());
      positions.add(answer.getInt("data.addAppearance.order"));
    }
    assertEquals(PARALLEL, positions.size(), "distinct positions: " + positions);
    assertEquals(PARALLEL, lineup(episode).size(), "every guest is on the episode once");
  }

  @Test
  void identicalParallelUpsertsAllSucceedAndLeaveOneAppearance() throws Exception {
    String episode = "ep-" + unique();
    String person = guestId("Upserted Guest");
    List<Callable<JsonPath>> calls = new ArrayList<>();
    for (int i = 0; i < PARALLEL; i++) {
      calls.add(add(person, episode, null));
    }
    Set<Integer> positions = new TreeSet<>();
    for (JsonPath answer : inParallel(calls)) {
      assertNull(answer.get("errors"), answer.prettify());
      positions.add(answer.getInt("data.addAppearance.order"));
    }
    assertEquals(Set.of(0), positions, "the first call placed it, the others updated it in place");
    assertEquals(List.of(person), lineup(episode));
  }

  @Test
  void anOrderAnotherPersonHoldsMakesThemTradePlaces() {
    String episode = "ep-" + unique();
    String first = guestId("First");
    String second = guestId("Second");
    String third = guestId("Third");
    appear(first, episode, "GUEST", 0);
    appear(second, episode, "GUEST", 1);
    appear(third, episode, "GUEST", 1); // new at a held order: the holder goes to the end
    assertEquals(List.of(first, third, second), lineup(episode));
    appear(second, episode, "GUEST", 0); // existing: the two trade places
    assertEquals(List.of(second, third, first), lineup(episode));
  }

  private static Callable<JsonPath> add(String guestId, String episodeId, Integer order) {
    Map<String, Object> input = new HashMap<>();
    input.put("guestId", guestId);
    input.put("episodeId", episodeId);
    input.put("role", "GUEST");
    input.put("order", order);
    return () -> asEditor(ADD, Map.of("input", input)).extract().jsonPath();
  }

  private static List<JsonPath> inParallel(List<Callable<JsonPath>> calls) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
      List<Future<JsonPath>> running = new ArrayList<>();
      for (Callable<JsonPath> call : calls) {
        running.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<JsonPath> answers = new ArrayList<>();
      for (Future<JsonPath> f : running) {
        answers.add(f.get());
      }
      return answers;
    }
  }

  private static List<String> lineup(String episode) {
    return post(LINEUP, Map.of("r", List.of(Map.of("__typename", "Episode", "id", episode))))
        .extract()
        .jsonPath()
        .getList("data._entities[0].guests.id");
  }
}
