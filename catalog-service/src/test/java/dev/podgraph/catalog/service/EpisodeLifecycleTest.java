package dev.podgraph.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.podgraph.catalog.Episode;
import dev.podgraph.catalog.EpisodeStatus;
import dev.podgraph.common.error.InvalidInputException;
import dev.podgraph.rules.ErrorCode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EpisodeLifecycleTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(3600);

  /** The documented lifecycle, written out independently of EpisodeTransition. */
  private static final Map<EpisodeTransition, Set<EpisodeStatus>> ALLOWED =
      Map.of(
          EpisodeTransition.SCHEDULE, EnumSet.of(EpisodeStatus.DRAFT, EpisodeStatus.SCHEDULED),
          EpisodeTransition.UNSCHEDULE, EnumSet.of(EpisodeStatus.SCHEDULED),
          EpisodeTransition.PUBLISH, EnumSet.of(EpisodeStatus.DRAFT, EpisodeStatus.SCHEDULED),
          EpisodeTransition.ARCHIVE, EnumSet.of(EpisodeStatus.PUBLISHED),
          EpisodeTransition.UNARCHIVE, EnumSet.of(EpisodeStatus.ARCHIVED));

  private static Episode episodeIn(EpisodeStatus status) {
    Episode e = new Episode();
    e.status = status;
    e.updatedAt = NOW.minusSeconds(60);
    e.scheduledFor = status == EpisodeStatus.SCHEDULED ? LATER : null;
    e.publishedAt =
        status == EpisodeStatus.PUBLISHED || status == EpisodeStatus.ARCHIVED
            ? NOW.minusSeconds(30)
            : null;
    e.archivedAt = status == EpisodeStatus.ARCHIVED ? NOW.minusSeconds(10) : null;
    return e;
  }

  @Test
  void rejectsEveryTransitionOutsideTheDocumentedLifecycleChangingNothing() {
    int rejected = 0;
    for (EpisodeTransition t : EpisodeTransition.values()) {
      for (EpisodeStatus from : EpisodeStatus.values()) {
        if (ALLOWED.get(t).contains(from)) {
          continue;
        }
        Episode e = episodeIn(from);
        Episode before = episodeIn(from);
        InvalidInputException error =
            assertThrows(
                InvalidInputException.class, () -> EpisodeLifecycle.apply(e, t, LATER, NOW));
        assertEquals(ErrorCode.BAD_USER_INPUT, error.code());
        assertEquals(before.status, e.status, t + " from " + from);
        assertEquals(before.updatedAt, e.updatedAt);
        assertEquals(before.scheduledFor, e.scheduledFor);
        assertEquals(before.publishedAt, e.publishedAt);
        assertEquals(before.archivedAt, e.archivedAt);
        rejected++;
      }
    }
    assertEquals(13, rejected, "5 transitions x 4 states - 7 allowed moves");
  }

  @Test
  void allowsEveryDocumentedTransition() {
    for (EpisodeTransition t : EpisodeTransition.values()) {
      for (EpisodeStatus from : ALLOWED.get(t)) {
        Episode e = episodeIn(from);
        EpisodeLifecycle.apply(e, t, LATER, NOW);
        assertEquals(t.to(), e.status, t + " from " + from);
        assertEquals(NOW, e.updatedAt);
      }
    }
  }

  @Test
  void stampsTheTimesOfEachMove() {
    Episode e = episodeIn(EpisodeStatus.DRAFT);
    EpisodeLifecycle.apply(e, EpisodeTransition.SCHEDULE, LATER, NOW);
    assertEquals(LATER, e.scheduledFor);
    EpisodeLifecycle.apply(e, EpisodeTransition.UNSCHEDULE, null, NOW);
    assertNull(e.scheduledFor);
    EpisodeLifecycle.apply(e, EpisodeTransition.PUBLISH, null, NOW);
    assertEquals(NOW, e.publishedAt);
    EpisodeLifecycle.apply(e, EpisodeTransition.ARCHIVE, null, LATER);
    assertEquals(LATER, e.archivedAt);
    EpisodeLifecycle.apply(e, EpisodeTransition.UNARCHIVE, null, LATER);
    assertNull(e.archivedAt);
    assertEquals(NOW, e.publishedAt);
  }

  @Test
  void rejectsSchedulingIntoThePast() {
    Episode e = episodeIn(EpisodeStatus.DRAFT);
    InvalidInputException error =
        assertThrows(
            InvalidInputException.class,
            () -> EpisodeLifecycle.apply(e, EpisodeTransition.SCHEDULE, NOW.minusSeconds(1), NOW));
    assertEquals("scheduledFor", error.violations().get(0).field());
    assertEquals(EpisodeStatus.DRAFT, e.status);
  }
}
