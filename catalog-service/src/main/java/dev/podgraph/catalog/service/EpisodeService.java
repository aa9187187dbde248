package dev.podgraph.catalog.service;

import dev.podgraph.catalog.Episode;
import dev.podgraph.catalog.EpisodeChangeKind;
import dev.podgraph.catalog.EpisodeStatus;
import dev.podgraph.catalog.cache.EpisodeCache;
import dev.podgraph.catalog.model.EpisodeInput;
import dev.podgraph.catalog.model.EpisodeView;
import dev.podgraph.catalog.repository.EpisodeChangeRepository;
import dev.podgraph.catalog.repository.EpisodeRepository;
import dev.podgraph.common.error.ConflictException;
import dev.podgraph.common.error.NotFoundException;
import dev.podgraph.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Episode writes. Each runs in its own transaction; the cache is invalidated after the commit and
 * before the method returns, so no read after the mutation returns sees the old value. Every write
 * on an existing episode names the version the client read: another version is a CONFLICT.
 * Creating, moving and deleting an episode also record its visibility in the change feed, last in
 * the same transaction (see {@link EpisodeChangeRepository#record}); content updates do not, as
 * they change no visibility.
 */
@ApplicationScoped
public class EpisodeService {
  private final EpisodeRepository episodes;
  private final EpisodeChangeRepository changes;
  private final EpisodeCache cache;
  private final Clock clock;

  public EpisodeService(
      EpisodeRepository episodes,
      EpisodeChangeRepository changes,
      EpisodeCache cache,
      Clock clock) {
    this.episodes = episodes;
    this.changes = changes;
    this.cache = cache;
    this.clock = clock;
  }

  @Transactional(TxType.REQUIRES_NEW)
  public EpisodeView create(@Valid @NotNull EpisodeInput input) {
    EpisodeContent content = EpisodeContent.of(input);
    Episode e = new Episode();
    e.id = UUID.randomUUID();
    ensureUnique(content, e.id);
    content.applyTo(e);
    e.status = EpisodeStatus.DRAFT;
    e.createdAt = now();
    e.updatedAt = e.createdAt;
    episodes.persistAndFlush(e);
    changes.record(e.id, EpisodeChangeKind.of(e.status), e.createdAt);
    cache.episodesChangedAfterCommit();
    return EpisodeView.from(e);
  }

  /** Replaces the content (not the status) of an episode; a no-op keeps version and updatedAt. */
  @Transactional(TxType.REQUIRES_NEW)
  public EpisodeView update(String id, int expectedVersion, @Valid @NotNull EpisodeInput input) {
    EpisodeContent content = EpisodeContent.of(input);
    Episode e = load(EpisodeQueryService.parseId(id), expectedVersion);
    ensureUnique(content, e.id);
    if (content.applyTo(e)) {
      e.updatedAt = now();
      cache.episodesChangedAfterCommit();
    }
    episodes.flush();
    return EpisodeView.from(e);
  }

  @Transactional(TxType.REQUIRES_NEW)
  public EpisodeView transition(
      String id, int expectedVersion, EpisodeTransition transition, Instant scheduledFor) {
    Episode e = load(EpisodeQueryService.parseId(id), expectedVersion);
    EpisodeLifecycle.apply(e, transition, scheduledFor, now());
    episodes.flush();
    changes.record(e.id, EpisodeChangeKind.of(e.status), e.updatedAt);
    cache.episodesChangedAfterCommit();
    return EpisodeView.from(e);
  }

  @Transactional(TxType.REQUIRES_NEW)
  public String delete(String id, int expectedVersion) {
    UUID uuid = EpisodeQueryService.parseId(id);
    Episode e = load(uuid, expectedVersion);
    episodes.delete(e);
    episodes.flush();
    changes.record(uuid, EpisodeChangeKind.DELETED, now());
    cache.episodesChangedAfterCommit();
    return uuid.toString();
  }

  private Episode load(UUID id, int expectedVersion) {
    Episode e =
        episodes
            .findByIdOptional(id)
            .orElseThrow(() -> new NotFoundException("No episode with id " + id));
    if (e.version != expectedVersion) {
      throw new ConflictException(
          "Episode "
              + id
              + " is at version "
              + e.version
              + ", not "
              + expectedVersion
              + ": read it again and retry");
    }
    return e;
  }

  private void ensureUnique(EpisodeContent content, UUID self) {
    if (episodes.numberTaken(content.number(), self)) {
      throw new ConflictException("Another episode already has number " + content.number());
    }
    if (episodes.slugTaken(content.slug(), self)) {
      throw new ConflictException("Another episode already has slug " + content.slug());
    }
  }

  /** PostgreSQL keeps microseconds: values read back must equal the ones returned now. */
  private Instant now() {
    return Timestamps.now(clock);
  }
}
