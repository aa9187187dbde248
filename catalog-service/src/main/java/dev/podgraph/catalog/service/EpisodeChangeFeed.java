package dev.podgraph.catalog.service;

import dev.podgraph.catalog.EpisodeChangePage;
import dev.podgraph.catalog.repository.EpisodeChangeRepository;
import dev.podgraph.common.error.DatabaseFailures;
import dev.podgraph.common.error.InvalidInputException;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Reads of the change feed for other services: changes after a seq, ascending, and the head. Not
 * cached: a consumer polls for what is newer than its last read, which a cache would only delay.
 */
@ApplicationScoped
public class EpisodeChangeFeed {
  public static final int DEFAULT_LIMIT = 500;
  public static final int MAX_LIMIT = 1000;

  private final EpisodeChangeRepository changes;

  public EpisodeChangeFeed(EpisodeChangeRepository changes) {
    this.changes = changes;
  }

  /** One statement; {@code after} at least 0, {@code limit} 1..{@value #MAX_LIMIT}. */
  @Retry(maxRetries = 1, delay = 0, jitter = 0)
  @RetryWhen(exception = DatabaseFailures.class)
  public EpisodeChangePage after(long after, long limit) {
    if (after < 0) {
      throw new InvalidInputException("after", "must be 0 or more");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return changes.after(after, (int) limit);
  }
}
