package dev.podgraph.guest.feed;

import dev.podgraph.guest.config.CatalogFeedConfig;
import dev.podgraph.guest.service.EpisodeVisibilityWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Keeps the episode visibility replica up to date: every {@code guest.catalog-feed.interval} it
 * reads catalog-service's change feed from the stored position until caught up, applying each page
 * in one transaction with the position. While the feed fails it logs one WARN (not one per
 * attempt), waits longer between attempts (doubling up to {@code guest.catalog-feed.max-backoff})
 * and starts again from the stored position; reads go on with the replica as it is, and readiness
 * never depends on catalog-service.
 *
 * <p>Metrics: {@code guest_catalog_feed_lag} (feed head minus applied seq, NaN until the feed first
 * answers), {@code guest_catalog_feed_applied_seq}, {@code guest_catalog_feed_failures_total}.
 */
@ApplicationScoped
public class CatalogFeedPoller {
  private static final Logger LOG = Logger.getLogger(CatalogFeedPoller.class);
  static final int PAGE_SIZE = 500;
  private static final long UNKNOWN = -1;

  private final CatalogFeedClient client;
  private final EpisodeVisibilityWriter writer;
  private final CatalogFeedConfig config;
  private final Clock clock;
  private final Counter failureCount;
  private final AtomicLong applied = new AtomicLong(UNKNOWN);
  private final AtomicLong head = new AtomicLong(UNKNOWN);

  /** The position applied so far, null until read from the database (again, after a failure). */
  private Long position;

  /** The feed identity the position was last checked against, null until then (or a failure). */
  private String followed;

  // Only the scheduler's thread touches these (one poll at a time).
  private int failures;
  private Instant retryAt = Instant.MIN;

  CatalogFeedPoller(
      CatalogFeedClient client,
      EpisodeVisibilityWriter writer,
      CatalogFeedConfig config,
      Clock clock,
      MeterRegistry meters) {
    this.client = client;
    this.writer = writer;
    this.config = config;
    this.clock = clock;
    this.failureCount =
        Counter.builder("guest.catalog.feed.failures")
            .description("Reads of catalog-service's change feed that failed (or failed to apply)")
            .register(meters);
    Gauge.builder("guest.catalog.feed.lag", this, CatalogFeedPoller::lag)
        .description("Changes in catalog-service's feed not applied here yet")
        .strongReference(true)
        .register(meters);
    Gauge.builder("guest.catalog.feed.applied.seq", applied, a -> known(a.get()))
        .description("Position in catalog-service's change feed applied here")
        .strongReference(true)
        .register(meters);
  }

  void readPosition(@Observes StartupEvent event) {
    try {
      position();
    } catch (RuntimeException e) {
      LOG.debugf("Feed position not read at startup, will be on the first poll: %s", e);
    }
  }

  @Scheduled(
      identity = "catalog-feed",
      every = "${guest.catalog-feed.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    if (!config.enabled() || clock.instant().isBefore(retryAt)) {
      return;
    }
    try {
      catchUp();
      if (failures > 0) {
        LOG.infof(
            "catalog-service's change feed is readable again after %d failed attempts; applied up"
                + " to seq %d",
            failures, applied.get());
      }
      failures = 0;
      retryAt = Instant.MIN;
    } catch (RuntimeException e) {
      failureCount.increment();
      failures++;
      Duration wait = backoff(failures);
      retryAt = clock.instant().plus(wait);
      if (failures == 1) {
        LOG.warnf(
            "Cannot read or apply catalog-service's change feed (%s); episode visibility stays as"
                + " it is until it can, retrying with back-off up to %s",
            e.getMessage(), config.maxBackoff());
      } else {
        LOG.debugf("Change feed still failing (attempt %d, next in %s): %s", failures, wait, e);
      }
    }
  }

  /**
   * Reads and applies pages until the feed has nothing newer; returns the position applied. Throws
   * if the feed cannot be read or a page cannot be applied (what was applied before stays).
   */
  public synchronized long catchUp() {
    try {
      long current = position();
      while (true) {
        FeedPage page = client.changesAfter(current, PAGE_SIZE);
        head.set(page.head());
        // Checked against the database only when the identity or the head says something new, so
        // an idle poll costs no SQL.
        if (!Objects.equals(page.feed(), followed) || page.head() < current) {
          if (writer.follows(page.feed(), page.head())) {
            followed = page.feed();
          } else {
            followed = null;
            LOG.warnf(
                "catalog-service's change feed is not the one applied here (feed %s, head %d; seq %d"
                    + " applied here): its database was replaced or restored, so the replica is"
                    + " read again from the start",
                page.feed(), page.head(), current);
            writer.startOver(page.feed());
            current = 0;
            position = current;
            applied.set(current);
            continue;
          }
        }
        long before = current;
        if (!page.changes().isEmpty()) {
          EpisodeVisibilityWriter.Applied result = writer.apply(page.changes());
          current = result.position();
          position = current;
          applied.set(current);
          LOG.debugf(
              "Applied %d of %d episode changes, now at seq %d of %d",
              result.recorded(), page.changes().size(), current, page.head());
        }
        // An empty page, one that did not move the position (changes delivered again) or the
        // head reached: caught up.
        if (page.changes().isEmpty() || current <= before || current >= page.head()) {
          return current;
        }
      }
    } catch (RuntimeException e) {
      position = null;
      followed = null;
      throw e;
    }
  }

  private synchronized long position() {
    if (position == null) {
      position = writer.position();
      applied.set(position);
    }
    return position;
  }

  private Duration backoff(int failures) {
    Duration wait = config.interval().multipliedBy(1L << Math.min(failures - 1, 20));
    return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
  }

  private double lag() {
    long h = head.get();
    long a = applied.get();
    return h == UNKNOWN || a == UNKNOWN ? Double.NaN : Math.max(0, h - a);
  }

  private static double known(long value) {
    return value == UNKNOWN ? Double.NaN : value;
  }
}
