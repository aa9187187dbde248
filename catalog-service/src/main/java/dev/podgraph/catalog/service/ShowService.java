package dev.podgraph.catalog.service;

import dev.podgraph.catalog.Show;
import dev.podgraph.catalog.cache.EpisodeCache;
import dev.podgraph.catalog.model.ShowInput;
import dev.podgraph.catalog.model.ShowView;
import dev.podgraph.catalog.repository.ShowRepository;
import dev.podgraph.common.error.DatabaseFailures;
import dev.podgraph.common.time.Timestamps;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Objects;
import org.eclipse.microprofile.faulttolerance.Retry;

/** The show: read through the cache, written as a whole (create or replace, idempotent). */
@ApplicationScoped
public class ShowService {
  private final ShowRepository shows;
  private final EpisodeCache cache;
  private final Clock clock;

  public ShowService(ShowRepository shows, EpisodeCache cache, Clock clock) {
    this.shows = shows;
    this.cache = cache;
    this.clock = clock;
  }

  @Retry(maxRetries = 1, delay = 0, jitter = 0)
  @RetryWhen(exception = DatabaseFailures.class)
  public ShowView show() {
    return cache.show(() -> shows.theShow().map(ShowView::from).orElse(null));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public ShowView save(@Valid @NotNull ShowInput input) {
    Show s = shows.theShow().orElse(null);
    if (s == null) {
      s = new Show();
      s.id = Show.THE_SHOW;
      s.createdAt = Timestamps.now(clock);
    }
    String tagline = blankToNull(input.tagline());
    String url = blankToNull(input.url());
    boolean changed =
        !shows.isPersistent(s)
            || !Objects.equals(s.title, input.title().strip())
            || !Objects.equals(s.tagline, tagline)
            || !Objects.equals(s.hostName, input.hostName().strip())
            || !Objects.equals(s.url, url);
    if (changed) {
      s.title = input.title().strip();
      s.tagline = tagline;
      s.hostName = input.hostName().strip();
      s.url = url;
      s.updatedAt = Timestamps.now(clock);
      shows.persist(s);
      shows.flush();
      cache.showChangedAfterCommit();
    }
    return ShowView.from(s);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
