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
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

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

  public EpisodeView create(@Valid @NotNull EpisodeInput input) {
    EpisodeContent content = EpisodeContent.of(input);
    EpisodeView created =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Episode e = new Episode();
                  e.id = UUID.randomUUID();
                  ensureUnique(content, e.id);
                  content.applyTo(e);
                  e.status = EpisodeStatus.DRAFT;
                  e.createdAt = now();
                  e.updatedAt = e.createdAt;
                  episodes.persistAndFlush(e);
                  changes.record(e.id, EpisodeChangeKind.of(e.status), e.createdAt);
                  return EpisodeView.from(e);
                });
    cache.episodesChanged();
    return created;
  }

  /** Replaces the content (not the status) of an episode; a no-op keeps version and updatedAt. */
  public EpisodeView update(String id, int expectedVersion, @Valid @NotNull EpisodeInput input) {
    EpisodeContent content = EpisodeContent.of(input);
    boolean[] changed = {false};
    EpisodeView updated =
        write(
            id,
            expectedVersion,
            e -> {
              ensureUnique(content, e.id);
              changed[0] = content.applyTo(e);
              if (changed[0]) {
                e.updatedAt = now();
              }
              return e;
            });
    if (changed[0]) {
      cache.episodesChanged();
    }
    return updated;
  }

  public EpisodeView transition(
      String id, int expectedVersion, EpisodeTransition transition, Instant scheduledFor) {
    UUID uuid = EpisodeQueryService.parseId(id);
    EpisodeView moved =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Episode e = load(uuid, expectedVersion);
                  EpisodeLifecycle.apply(e, transition, scheduledFor, now());
                  episodes.flush();
                  changes.record(e.id, EpisodeChangeKind.of(e.status), e.updatedAt);
                  return EpisodeView.from(e);
                });
    cache.episodesChanged();
    return moved;
  }

  public String delete(String id, int expectedVersion) {
    UUID uuid = EpisodeQueryService.parseId(id);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Episode e = load(uuid, expectedVersion);
              episodes.delete(e);
              episodes.flush();
              changes.record(uuid, EpisodeChangeKind.DELETED, now());
            });
    cache.episodesChanged();
    return uuid.toString();
  }

  private EpisodeView write(String id, int expectedVersion, Function<Episode, Episode> change) {
    UUID uuid = EpisodeQueryService.parseId(id);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Episode e = change.apply(load(uuid, expectedVersion));
              episodes.flush();
              return EpisodeView.from(e);
            });
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
