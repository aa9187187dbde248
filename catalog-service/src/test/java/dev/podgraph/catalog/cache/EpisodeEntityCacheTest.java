package dev.podgraph.catalog.cache;

import static dev.podgraph.catalog.EpisodeFixtures.UPDATE;
import static dev.podgraph.catalog.EpisodeFixtures.create;
import static dev.podgraph.catalog.EpisodeFixtures.createPublished;
import static dev.podgraph.catalog.EpisodeFixtures.input;
import static dev.podgraph.catalog.EpisodeFixtures.publish;
import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static dev.podgraph.devinfra.GraphQLAssured.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.catalog.CatalogInfra;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Federation {@code _entities} from Redis: per-episode entries (shared with {@code episode(id:)}),
 * one MGET a batch, SQL only for what Redis lacks; invalidated by every episode write; an editor's
 * entries never answer an anonymous caller.
 */
@QuarkusTest
@WithTestResource(CatalogInfra.class)
class EpisodeEntityCacheTest {
  private static final String ENTITIES =
      "query($r: [_Any!]!) { _entities(representations: $r) { ... on Episode { id title status } } }";
  private static final String BY_ID = "query($id: ID) { episode(id: $id) { title } }";

  @Inject SessionFactory sessionFactory;
  @Inject MeterRegistry meters;

  private static Map<String, Object> refs(Object... ids) {
    return Map.of(
        "r",
        List.of(ids).stream()
            .map(id -> Map.<String, Object>of("__typename", "Episode", "id", id))
            .toList());
  }

  private long statements(Runnable block) {
    long before = sessionFactory.getStatistics().getPrepareStatementCount();
    block.run();
    return sessionFactory.getStatistics().getPrepareStatementCount() - before;
  }

  private double hits() {
    var counter =
        meters.find("podgraph.cache.hits").tags("cache", "catalog", "region", "episodes").counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aRepeatedLookupIsServedFromRedisWithoutSql() {
    Map<String, Object> first = createPublished("Entity Hit A", "entity-hit");
    String a = (String) first.get("id");
    String b = (String) createPublished("Entity Hit B", "entity-hit").get("id");
    assertEquals(
        1,
        statements(() -> post(ENTITIES, refs(a, b)).body("errors", nullValue())),
        "the first lookup loads both episodes with one statement");
    double hitsBefore = hits();
    assertEquals(
        0,
        statements(
            () ->
                post(ENTITIES, refs(b, a))
                    .body("data._entities.id", contains(b, a))
                    .body("data._entities.status", contains("PUBLISHED", "PUBLISHED"))),
        "the second lookup runs no SQL");
    assertEquals(2, hits() - hitsBefore, 0.0, "two entries read from Redis");
    assertEquals(
        0,
        statements(
            () ->
                post(BY_ID, Map.of("id", a))
                    .body("data.episode.title", equalTo(first.get("title")))),
        "episode(id:) reads the entry the batch filled");
  }

  @Test
  void aBatchLoadsOnlyWhatRedisLacks() {
    String cached = (String) createPublished("Entity Partial A", "entity-partial").get("id");
    post(ENTITIES, refs(cached));
    String fresh = (String) createPublished("Entity Partial B", "entity-partial").get("id");
    // The create invalidated the region: warm the first one again under the new generation.
    post(ENTITIES, refs(cached));
    double hitsBefore = hits();
    assertEquals(
        1,
        statements(
            () ->
                post(ENTITIES, refs(cached, fresh))
                    .body("data._entities.id", contains(cached, fresh))),
        "one statement for the missing one");
    assertEquals(1, hits() - hitsBefore, 0.0);
    assertEquals(0, statements(() -> post(ENTITIES, refs(cached, fresh))));
  }

  @Test
  void aMutationReplacesTheCachedEntity() {
    Map<String, Object> e = createPublished("Entity Before", "entity-update");
    String id = (String) e.get("id");
    post(ENTITIES, refs(id));
    assertEquals(0, statements(() -> post(ENTITIES, refs(id))));
    Map<String, Object> in = input((Integer) e.get("number"), "Entity After", "entity-update");
    in.put("slug", e.get("slug"));
    asEditor(UPDATE, Map.of("id", id, "v", e.get("version"), "input", in))
        .body("errors", nullValue());
    post(ENTITIES, refs(id)).body("data._entities[0].title", equalTo("Entity After"));
    asEditor(ENTITIES, refs(id)).body("data._entities[0].title", equalTo("Entity After"));
  }

  @Test
  void anEditorsCachedDraftNeverAnswersAnAnonymousCaller() {
    Map<String, Object> draft = create("Entity Draft", "entity-visibility");
    String id = (String) draft.get("id");
    for (int i = 0; i < 2; i++) {
      asEditor(ENTITIES, refs(id)).body("data._entities[0].status", equalTo("DRAFT"));
    }
    assertEquals(0, statements(() -> asEditor(ENTITIES, refs(id))), "the editor's entry is cached");
    for (int i = 0; i < 2; i++) {
      post(ENTITIES, refs(id)).body("errors", nullValue()).body("data._entities[0]", nullValue());
    }
    publish(draft);
    post(ENTITIES, refs(id)).body("data._entities[0].status", equalTo("PUBLISHED"));
    asEditor(ENTITIES, refs(id)).body("data._entities[0].status", equalTo("PUBLISHED"));
  }
}
