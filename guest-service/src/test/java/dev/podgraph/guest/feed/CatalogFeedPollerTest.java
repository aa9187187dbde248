package dev.podgraph.guest.feed;

import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static dev.podgraph.devinfra.GraphQLAssured.post;
import static dev.podgraph.guest.GuestFixtures.ADD;
import static dev.podgraph.guest.GuestFixtures.appear;
import static dev.podgraph.guest.GuestFixtures.guestId;
import static dev.podgraph.guest.GuestFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.podgraph.guest.GuestInfra;
import dev.podgraph.guest.SqlStatements;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * catalog-service's change feed, served for real over HTTP by {@link CatalogFeed}, read by the
 * consumer into PostgreSQL and seen through the GraphQL API (with Redis caching in between). Tests
 * call {@link CatalogFeedPoller#catchUp} to apply what they published; the scheduled poller runs
 * beside them all along, and the outage test waits for it alone.
 */
@QuarkusTest
@WithTestResource(GuestInfra.class)
class CatalogFeedPollerTest {
  private static final String GUEST =
      "query($id: ID) { guest(id: $id) { id episodes { id } appearances { episode { id } } } }";
  private static final String EPISODES =
      "query($r: [_Any!]!) { _entities(representations: $r) {"
          + " ... on Episode { id guests { id } hosts { id } } } }";
  private static final String HOSTS_NAMED =
      "query($name: String) { guests(filter: {name: $name, role: HOST}) { totalCount } }";

  @Inject CatalogFeedPoller poller;
  @Inject EntityManager entityManager;
  @Inject SessionFactory sessionFactory;
  @Inject MeterRegistry meters;

  private final CatalogFeed feed = CatalogFeedStub.feed;

  @AfterEach
  void leaveTheFeedWellBehaved() {
    feed.reset();
    poller.catchUp();
  }

  @Test
  void aDeletedEpisodeTakesItsAppearancesAlongAndNothingElse() {
    String guest = guestId("Deleted Episode Guest");
    String other = guestId("Deleted Episode Other");
    UUID deleted = UUID.randomUUID();
    UUID kept = UUID.randomUUID();
    appear(guest, deleted.toString(), "GUEST", 0);
    appear(other, deleted.toString(), "GUEST", 1);
    appear(guest, kept.toString(), "GUEST", 0);
    post(GUEST, Map.of("id", guest)).body("data.guest.episodes", hasSize(2));

    long seq = feed.publish(deleted, "DELETED");
    assertEquals(seq, poller.catchUp());

    assertEquals(0, appearancesOn(deleted));
    assertEquals(1, appearancesOn(kept));
    assertEquals(List.of(false, true, seq), replicaRow(deleted));
    for (ValidatableResponse read :
        List.of(post(GUEST, Map.of("id", guest)), asEditor(GUEST, Map.of("id", guest)))) {
      read.body("errors", nullValue())
          .body("data.guest.id", equalTo(guest))
          .body("data.guest.episodes.id", contains(kept.toString()))
          .body("data.guest.appearances.episode.id", contains(kept.toString()));
    }
    post(GUEST, Map.of("id", other)).body("data.guest.episodes", empty());
    asEditor(EPISODES, representations(deleted, kept))
        .body("errors", nullValue())
        .body("data._entities[0]", nullValue())
        .body("data._entities[1].guests.id", contains(guest));

    Map<String, Object> input = new HashMap<>();
    input.put("guestId", guest);
    input.put("episodeId", deleted.toString());
    input.put("role", "GUEST");
    asEditor(ADD, Map.of("input", input))
        .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
        .body("data", nullValue());
    assertEquals(0, appearancesOn(deleted));
  }

  @Test
  void aHiddenEpisodeIsLeftOutForThePublicButNotForEditors() {
    String tag = unique();
    String host = guestId("Hidden Host " + tag);
    String guest = guestId("Hidden Guest " + tag);
    UUID hidden = UUID.randomUUID();
    UUID shown = UUID.randomUUID();
    appear(host, hidden.toString(), "HOST", 0);
    appear(guest, hidden.toString(), "GUEST", 1);
    appear(guest, shown.toString(), "GUEST", 0);

    feed.publish(hidden, "HIDDEN");
    poller.catchUp();

    // The editor reads first, so a cached editor answer would reach the public reads below.
    asEditor(EPISODES, representations(hidden, shown))
        .body("errors", nullValue())
        .body("data._entities[0].id", equalTo(hidden.toString()))
        .body("data._entities[0].hosts.id", contains(host))
        .body("data._entities[0].guests.id", contains(guest))
        .body("data._entities[1].guests.id", contains(guest));
    asEditor(GUEST, Map.of("id", guest))
        .body("data.guest.episodes.id", containsInAnyOrder(hidden.toString(), shown.toString()))
        .body(
            "data.guest.appearances.episode.id",
            containsInAnyOrder(hidden.toString(), shown.toString()));
    asEditor(HOSTS_NAMED, Map.of("name", "hidden host " + tag))
        .body("data.guests.totalCount", equalTo(1));

    for (int read = 0; read < 2; read++) { // the second read is served by Redis
      post(EPISODES, representations(hidden, shown))
          .body("errors", nullValue())
          .body("data._entities[0]", nullValue())
          .body("data._entities[1].id", equalTo(shown.toString()))
          .body("data._entities[1].guests.id", contains(guest));
      post(GUEST, Map.of("id", guest))
          .body("errors", nullValue())
          .body("data.guest.episodes.id", contains(shown.toString()))
          .body("data.guest.appearances.episode.id", contains(shown.toString()));
      post(GUEST, Map.of("id", host)).body("data.guest.episodes", empty());
      post(HOSTS_NAMED, Map.of("name", "hidden host " + tag))
          .body("data.guests.totalCount", equalTo(0));
    }
    assertEquals(2, appearancesOn(hidden), "hiding removes nothing");
  }

  @Test
  void aVisibleChangeShowsTheEpisodeAgainThroughTheCache() {
    String guest = guestId("Shown Again");
    UUID episode = UUID.randomUUID();
    appear(guest, episode.toString(), "GUEST", 0);
    feed.publish(episode, "HIDDEN");
    poller.catchUp();
    warm(GUEST, Map.of("id", guest));
    post(GUEST, Map.of("id", guest)).body("data.guest.episodes", empty());
    warm(EPISODES, representations(episode));
    post(EPISODES, representations(episode)).body("data._entities[0]", nullValue());

    feed.publish(episode, "VISIBLE");
    poller.catchUp();

    post(GUEST, Map.of("id", guest)).body("data.guest.episodes.id", contains(episode.toString()));
    post(EPISODES, representations(episode)).body("data._entities[0].guests.id", contains(guest));
  }

  @Test
  void aPageDeliveredAgainChangesNothing() {
    String guest = guestId("Delivered Twice");
    UUID hidden = UUID.randomUUID();
    UUID deleted = UUID.randomUUID();
    UUID shown = UUID.randomUUID();
    appear(guest, hidden.toString(), "GUEST", 0);
    appear(guest, deleted.toString(), "GUEST", 0);
    appear(guest, shown.toString(), "GUEST", 0);
    feed.publish(hidden, "HIDDEN");
    feed.publish(deleted, "DELETED");
    long head = poller.catchUp();
    List<Object> hiddenRow = replicaRow(hidden);
    List<Object> deletedRow = replicaRow(deleted);
    warm(GUEST, Map.of("id", guest));
    asEditor(GUEST, Map.of("id", guest))
        .body("data.guest.episodes.id", containsInAnyOrder(hidden.toString(), shown.toString()));

    feed.redeliver(feed.changes());
    assertEquals(head, poller.catchUp());
    assertFalse(feed.redeliveryPending(), "the page was delivered again");

    assertEquals(hiddenRow, replicaRow(hidden));
    assertEquals(deletedRow, replicaRow(deleted));
    assertEquals(head, storedPosition());
    assertEquals(1, appearancesOn(hidden));
    long statements =
        SqlStatements.during(
            sessionFactory,
            () ->
                post(GUEST, Map.of("id", guest))
                    .body("data.guest.episodes.id", contains(shown.toString())));
    assertEquals(0, statements, "nothing changed, so nothing was invalidated");
  }

  @Test
  void anOlderChangeNeverOverridesANewerOne() {
    String guest = guestId("Out Of Order");
    UUID episode = UUID.randomUUID();
    appear(guest, episode.toString(), "GUEST", 0);
    long hiddenAt = feed.publish(episode, "HIDDEN");
    poller.catchUp();
    long shownAt = feed.publish(episode, "VISIBLE");
    poller.catchUp();

    feed.redeliver(List.of(CatalogFeed.change(hiddenAt, episode, "HIDDEN")));
    poller.catchUp();
    assertFalse(feed.redeliveryPending(), "the old change was delivered");

    assertEquals(List.of(true, false, shownAt), replicaRow(episode));
    post(GUEST, Map.of("id", guest)).body("data.guest.episodes.id", contains(episode.toString()));
    assertEquals(feed.head(), storedPosition());
  }

  @Test
  void readsPageAfterPageUntilCaughtUpAndStoresThePosition() {
    feed.maxPageSize(2);
    List<UUID> episodes = List.of(uuid(), uuid(), uuid(), uuid(), uuid());
    String guest = guestId("Many Pages");
    episodes.forEach(e -> appear(guest, e.toString(), "GUEST", 0));
    episodes.forEach(e -> feed.publish(e, "HIDDEN"));
    feed.forgetRequests();

    long applied = poller.catchUp();

    assertEquals(feed.head(), applied);
    assertEquals(applied, storedPosition());
    assertTrue(feed.asked().size() >= 3, "five changes two at a time: " + feed.asked());
    episodes.forEach(e -> assertEquals(false, replicaRow(e).get(0)));
    post(GUEST, Map.of("id", guest)).body("data.guest.episodes", empty());
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    assertTrue(
        metrics.lines().anyMatch(l -> l.equals("guest_catalog_feed_applied_seq " + applied + ".0")),
        metrics);
    assertTrue(metrics.lines().anyMatch(l -> l.equals("guest_catalog_feed_lag 0.0")), metrics);
  }

  @Test
  void aFeedThatStartsOverIsReadAgainFromItsStart() {
    String guest = guestId("Feed Starts Over");
    UUID before = uuid();
    appear(guest, before.toString(), "GUEST", 0);
    feed.publish(before, "HIDDEN");
    poller.catchUp();
    post(GUEST, Map.of("id", guest)).body("data.guest.episodes", empty());

    // catalog-service's database is replaced: its feed is empty and counts from 1 again.
    feed.startOver();
    UUID after = uuid();
    appear(guest, after.toString(), "GUEST", 1);
    long seq = feed.publish(after, "HIDDEN");
    assertEquals(1, seq);

    assertEquals(seq, poller.catchUp());
    assertEquals(seq, storedPosition());
    assertEquals(List.of(false, false, seq), replicaRow(after));
    assertEquals(
        0L,
        ((Number)
                entityManager
                    .createNativeQuery("select count(*) from episode_visibility where seq > ?1")
                    .setParameter(1, seq)
                    .getSingleResult())
            .longValue(),
        "nothing of the old feed's numbering is left");
    // The old catalog's episode is unknown to the new one: shown by reference, as any unknown id.
    post(GUEST, Map.of("id", guest))
        .body("errors", nullValue())
        .body("data.guest.episodes.id", contains(before.toString()));
  }

  @Test
  void servesReadsWhileCatalogIsDownAndResumesFromTheStoredPositionWhenItIsBack() {
    String guest = guestId("Catalog Down");
    UUID episode = UUID.randomUUID();
    appear(guest, episode.toString(), "GUEST", 0);
    long stored = storedPosition();
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Logger log = Logger.getLogger(CatalogFeedPoller.class.getName());
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    log.addHandler(capture);
    try {
      double failuresBefore = failures();
      feed.stop();
      await("two scheduled polls fail", () -> failures() >= failuresBefore + 2);

      post(GUEST, Map.of("id", guest))
          .body("errors", nullValue())
          .body("data.guest.episodes.id", contains(episode.toString()));
      given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
      assertEquals(1, warnings.size(), "one WARN per outage: " + warnings);

      feed.forgetRequests();
      feed.restart();
      feed.publish(episode, "HIDDEN");
      await(
          "the scheduled poller applies the change",
          () ->
              post(GUEST, Map.of("id", guest))
                  .extract()
                  .path("data.guest.episodes.size()")
                  .equals(0));
      assertEquals(stored, feed.asked().get(0), "first request after the outage");
      assertEquals(1, warnings.size(), "no more warnings: " + warnings);
    } finally {
      log.removeHandler(capture);
    }
  }

  private double failures() {
    return meters.counter("guest.catalog.feed.failures").count();
  }

  /** Waits for a condition the scheduled poller brings about, failing after 30 s. */
  private static void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        fail("Timed out waiting until " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("Interrupted waiting until " + what);
      }
    }
  }

  /** Reads twice and checks the second read was a cache hit: it ran no SQL at all. */
  private void warm(String query, Map<String, Object> variables) {
    post(query, variables).statusCode(200).body("errors", nullValue());
    assertEquals(
        0,
        SqlStatements.during(sessionFactory, () -> post(query, variables).statusCode(200)),
        "a warm read is served by Redis");
  }

  private static Map<String, Object> representations(UUID... episodes) {
    return Map.of(
        "r",
        List.of(episodes).stream()
            .map(e -> Map.<String, Object>of("__typename", "Episode", "id", e.toString()))
            .toList());
  }

  private static UUID uuid() {
    return UUID.randomUUID();
  }

  private int appearancesOn(UUID episode) {
    return entityManager
        .createQuery("select count(a) from Appearance a where a.episodeId = ?1", Long.class)
        .setParameter(1, episode.toString())
        .getSingleResult()
        .intValue();
  }

  /** visible, deleted, seq of the episode's replica row, read from the table. */
  private List<Object> replicaRow(UUID episode) {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "select visible, deleted, seq from episode_visibility where episode_id = ?1")
                .setParameter(1, episode)
                .getSingleResult();
    return List.of(row[0], row[1], ((Number) row[2]).longValue());
  }

  private long storedPosition() {
    return ((Number)
            entityManager
                .createNativeQuery("select seq from feed_position where feed = 'catalog-episodes'")
                .getSingleResult())
        .longValue();
  }
}
