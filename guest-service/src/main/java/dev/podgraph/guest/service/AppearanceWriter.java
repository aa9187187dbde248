package dev.podgraph.guest.service;

import dev.podgraph.common.error.NotFoundException;
import dev.podgraph.common.time.Timestamps;
import dev.podgraph.guest.Appearance;
import dev.podgraph.guest.Guest;
import dev.podgraph.guest.cache.GuestCache;
import dev.podgraph.guest.model.AppearanceInput;
import dev.podgraph.guest.model.AppearanceView;
import dev.podgraph.guest.repository.AppearanceRepository;
import dev.podgraph.guest.repository.EpisodeVisibilityRepository;
import dev.podgraph.guest.repository.GuestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes of who appears on which episode, each in one transaction that also schedules the cache
 * invalidation for after its commit. The people themselves are {@link GuestWriter}'s.
 */
@ApplicationScoped
public class AppearanceWriter {
  private final GuestRepository guests;
  private final AppearanceRepository appearances;
  private final EpisodeVisibilityRepository episodes;
  private final GuestCache cache;
  private final Clock clock;

  AppearanceWriter(
      GuestRepository guests,
      AppearanceRepository appearances,
      EpisodeVisibilityRepository episodes,
      GuestCache cache,
      Clock clock) {
    this.guests = guests;
    this.appearances = appearances;
    this.episodes = episodes;
    this.cache = cache;
    this.clock = clock;
  }

  /**
   * Puts a person on an episode; adding an existing appearance again updates it in place, so two
   * identical calls at once both succeed. Without an order the appearance goes after the episode's
   * last one; an order another person holds on the episode makes the two trade places (a new
   * appearance sends that person to the end). Positions stay unique per episode under any
   * interleaving: every write of an episode's appearances holds its lock (a transaction-scoped
   * advisory lock), and a unique constraint backs it. An episode that catalog-service's feed
   * reported deleted is NOT_FOUND.
   */
  @Transactional
  public AppearanceView addAppearance(@Valid AppearanceInput input) {
    Guest guest =
        guests
            .findByIdOptional(GuestService.parseId(input.guestId(), "input.guestId"))
            .orElseThrow(() -> new NotFoundException("No guest with id " + input.guestId()));
    episodes.lockEpisode(input.episodeId());
    if (episodes.knownDeleted(input.episodeId())) {
      throw new NotFoundException("Episode " + input.episodeId() + " was deleted");
    }
    Appearance appearance = appearances.of(guest.id, input.episodeId()).orElse(null);
    if (appearance == null) {
      appearance = new Appearance();
      appearance.id = UUID.randomUUID();
      appearance.guest = guest;
      appearance.episodeId = input.episodeId();
      appearance.episodeNumber = input.episodeNumber();
      appearance.role = input.role();
      if (input.order() == null) {
        appearance.position = appearances.nextPosition(input.episodeId());
      } else {
        appearances
            .at(input.episodeId(), input.order())
            .ifPresent(holder -> moveTo(holder, appearances.nextPosition(input.episodeId())));
        appearance.position = input.order();
      }
      appearance.createdAt = Timestamps.now(clock);
      appearances.persist(appearance);
    } else {
      appearance.role = input.role();
      if (input.order() != null && input.order() != appearance.position) {
        int from = appearance.position;
        Appearance holder = appearances.at(input.episodeId(), input.order()).orElse(null);
        if (holder != null) {
          moveTo(holder, appearances.nextPosition(input.episodeId()));
        }
        moveTo(appearance, input.order());
        if (holder != null) {
          moveTo(holder, from);
        }
      }
      if (input.episodeNumber() != null) {
        appearance.episodeNumber = input.episodeNumber();
      }
    }
    appearances.flush();
    cache.invalidateAfterCommit();
    return AppearanceView.of(appearance);
  }

  /** One move at a time, each flushed, so no statement ever sees two rows at one position. */
  private void moveTo(Appearance appearance, int position) {
    appearance.position = position;
    appearances.flush();
  }

  @Transactional
  public AppearanceView removeAppearance(String guestId, String episodeId) {
    UUID uuid = GuestService.parseId(guestId, "guestId");
    Appearance appearance =
        appearances
            .of(uuid, episodeId)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Guest " + guestId + " has no appearance on episode " + episodeId));
    AppearanceView removed = AppearanceView.of(appearance);
    appearances.delete(appearance);
    appearances.flush();
    cache.invalidateAfterCommit();
    return removed;
  }
}
