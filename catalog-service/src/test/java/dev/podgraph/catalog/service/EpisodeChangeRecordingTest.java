package dev.podgraph.catalog.service;

import static dev.podgraph.catalog.EpisodeFixtures.UPDATE;
import static dev.podgraph.catalog.EpisodeFixtures.create;
import static dev.podgraph.catalog.EpisodeFixtures.input;
import static dev.podgraph.catalog.EpisodeFixtures.publish;
import static dev.podgraph.devinfra.GraphQLAssured.asEditor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.podgraph.catalog.CatalogInfra;
import dev.podgraph.catalog.EpisodeChangeKind;
import dev.podgraph.catalog.EpisodeChangePage;
import dev.podgraph.catalog.repository.EpisodeChangeRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every episode write records its change in the same transaction, one row per episode (the newest),
 * with seqs that become visible in commit order. Rows are read back with plain JDBC.
 */
@QuarkusTest
@WithTestResource(CatalogInfra.class)
class EpisodeChangeRecordingTest {
  private static final String DELETE =
      "mutation($id: ID!, $v: Int!) { deleteEpisode(id: $id, expectedVersion: $v) }";

  @Inject DataSource dataSource;
  @Inject EpisodeChangeRepository changes;
  @Inject EntityManager em;

  record Row(long seq, String change, Instant occurredAt) {}

  /** The episode's row of episode_change, null if none; fails if there are several. */
  private Row row(Object episodeId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT seq, change, occurred_at FROM episode_change WHERE episode_id = ?")) {
      s.setObject(1, UUID.fromString(episodeId.toString()));
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return null;
        }
        Row row = new Row(r.getLong(1), r.getString(2), r.getTimestamp(3).toInstant());
        assertTrue(!r.next(), "one row per episode");
        return row;
      }
    }
  }

  private long head() throws SQLException {
    try (Connection c = dataSource.getConnection();
        ResultSet r =
            c.createStatement().executeQuery("SELECT seq FROM episode_change_head WHERE id = 1")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static Map<String, Object> move(String mutation, Map<String, Object> e) {
    return asEditor(
            "mutation($id: ID!, $v: Int!) { "
                + mutation
                + "(id: $id, expectedVersion: $v) { id status version updatedAt } }",
            Map.of("id", e.get("id"), "v", e.get("version")))
        .body("errors", nullValue())
        .extract()
        .path("data." + mutation);
  }

  @Test
  void eachWriteReplacesTheEpisodesOneRowWithItsNewestChange() throws Exception {
    long before = head();
    Map<String, Object> e = create("Outbox Life", "outbox");
    Row created = row(e.get("id"));
    assertEquals(
        new Row(before + 1, "HIDDEN", Instant.parse((String) e.get("createdAt"))), created);

    Map<String, Object> published = publish(e);
    Row visible = row(e.get("id"));
    assertEquals("VISIBLE", visible.change());
    assertTrue(visible.seq() > created.seq());
    assertEquals(Instant.parse((String) published.get("updatedAt")), visible.occurredAt());

    Map<String, Object> archived = move("archiveEpisode", published);
    Row stillVisible = row(e.get("id"));
    assertEquals("VISIBLE", stillVisible.change());
    assertTrue(stillVisible.seq() > visible.seq());

    Map<String, Object> changed = input((Integer) e.get("number"), "Outbox Life Renamed", "outbox");
    asEditor(UPDATE, Map.of("id", e.get("id"), "v", archived.get("version"), "input", changed))
        .body("data.updateEpisode.title", equalTo("Outbox Life Renamed"));
    assertEquals(stillVisible, row(e.get("id")), "content updates change no visibility");

    asEditor(DELETE, Map.of("id", e.get("id"), "v", (Integer) archived.get("version") + 1))
        .body("errors", nullValue());
    Row deleted = row(e.get("id"));
    assertEquals("DELETED", deleted.change());
    assertEquals(head(), deleted.seq());
  }

  @Test
  void aConsumerThatIsBehindGetsOnlyTheLatestStateOfEachEpisode() throws Exception {
    long before = head();
    Map<String, Object> a = create("Outbox Compacted A", "outbox");
    Map<String, Object> b = create("Outbox Compacted B", "outbox");
    Map<String, Object> aPublished = publish(a);
    move("unscheduleEpisode", schedule(b));
    asEditor(DELETE, Map.of("id", a.get("id"), "v", aPublished.get("version")))
        .body("errors", nullValue());

    EpisodeChangePage page =
        QuarkusTransaction.requiringNew().call(() -> changes.after(before, 1000));
    assertEquals(before + 6, page.head(), "six writes, six seqs");
    assertEquals(
        List.of(b.get("id"), a.get("id")),
        page.changes().stream().map(c -> c.episodeId().toString()).toList());
    assertEquals(
        List.of(EpisodeChangeKind.HIDDEN, EpisodeChangeKind.DELETED),
        page.changes().stream().map(c -> c.change()).toList());
    assertEquals(
        List.of(before + 5, before + 6), page.changes().stream().map(c -> c.seq()).toList());
  }

  private static Map<String, Object> schedule(Map<String, Object> e) {
    return asEditor(
            "mutation($id: ID!, $v: Int!) { scheduleEpisode(id: $id, expectedVersion: $v,"
                + " at: \"2099-01-01T00:00:00Z\") { id status version } }",
            Map.of("id", e.get("id"), "v", e.get("version")))
        .body("errors", nullValue())
        .extract()
        .path("data.scheduleEpisode");
  }

  @Test
  void aFailedWriteLeavesNoChange() throws Exception {
    Map<String, Object> e = create("Outbox Conflict", "outbox");
    Row before = row(e.get("id"));
    long head = head();

    asEditor(
            "mutation($id: ID!, $v: Int!) { publishEpisode(id: $id, expectedVersion: $v) { id } }",
            Map.of("id", e.get("id"), "v", 3))
        .body("errors[0].extensions.code", equalTo("CONFLICT"));
    asEditor(DELETE, Map.of("id", e.get("id"), "v", 3))
        .body("errors[0].extensions.code", equalTo("CONFLICT"));
    asEditor(
            "mutation($id: ID!, $v: Int!) { archiveEpisode(id: $id, expectedVersion: $v) { id } }",
            Map.of("id", e.get("id"), "v", 0))
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    asEditor(
            "mutation($input: EpisodeInput!) { createEpisode(input: $input) { id } }",
            Map.of("input", input((Integer) e.get("number"), "Same Number", "outbox")))
        .body("errors[0].extensions.code", equalTo("CONFLICT"));

    assertEquals(before, row(e.get("id")));
    assertEquals(head, head());
  }

  @Test
  void aChangeIsRolledBackWithTheTransactionThatRecordedIt() throws Exception {
    long head = head();
    UUID episode = UUID.randomUUID();
    assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      changes.record(episode, EpisodeChangeKind.VISIBLE, Instant.now());
                      throw new IllegalStateException("the episode write failed after all");
                    }));
    assertNull(row(episode));
    assertEquals(head, head(), "the seq was handed back");
  }

  /**
   * Writer 1 records a change and holds its transaction open; writer 2, a real publish, must wait
   * for it (the head row), so nothing of either is visible until writer 1 commits, and writer 2's
   * seq, committed later, is the higher one. With a PostgreSQL sequence writer 2 would have
   * committed seq n+2 while n+1 was still invisible, and a poller would have skipped n+1.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void seqsBecomeVisibleInCommitOrderUnderConcurrentWriters() throws Exception {
    Map<String, Object> first = create("Outbox Writer One", "outbox");
    Map<String, Object> second = create("Outbox Writer Two", "outbox");
    long before = head();
    CountDownLatch recorded = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Integer> writerOnePid = new CompletableFuture<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Long> one =
          pool.submit(
              () ->
                  QuarkusTransaction.requiringNew()
                      .call(
                          () -> {
                            long seq =
                                changes.record(
                                    UUID.fromString((String) first.get("id")),
                                    EpisodeChangeKind.VISIBLE,
                                    Instant.now());
                            writerOnePid.complete(
                                ((Number)
                                        em.createNativeQuery("SELECT pg_backend_pid()")
                                            .getSingleResult())
                                    .intValue());
                            recorded.countDown();
                            commit.await();
                            return seq;
                          }));
      recorded.await();
      Future<Map<String, Object>> two = pool.submit(() -> publish(second));
      awaitBlockedBy(writerOnePid.get());

      assertEquals(before, head(), "nothing committed yet");
      EpisodeChangePage meanwhile =
          QuarkusTransaction.requiringNew().call(() -> changes.after(before, 1000));
      assertEquals(List.of(), meanwhile.changes());

      commit.countDown();
      long seqOne = one.get();
      two.get();
      long seqTwo = row(second.get("id")).seq();
      assertEquals(before + 1, seqOne);
      assertEquals(before + 2, seqTwo);
      EpisodeChangePage after =
          QuarkusTransaction.requiringNew().call(() -> changes.after(before, 1000));
      assertEquals(
          List.of(first.get("id"), second.get("id")),
          after.changes().stream().map(c -> c.episodeId().toString()).toList());
    } finally {
      commit.countDown();
      pool.shutdownNow();
    }
  }

  /**
   * Returns once some other backend waits for a lock that backend {@code pid} holds; fails if none
   * does within 20 s (writers are not serialised). Polls pg_stat_activity: a condition, not a
   * sleep.
   */
  private void awaitBlockedBy(int pid) throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
      s.setInt(1, pid);
      while (System.nanoTime() < deadline) {
        try (ResultSet r = s.executeQuery()) {
          r.next();
          if (r.getLong(1) > 0) {
            return;
          }
        }
      }
    }
    fail("the second writer never waited for the first: seqs are not handed out in commit order");
  }
}
