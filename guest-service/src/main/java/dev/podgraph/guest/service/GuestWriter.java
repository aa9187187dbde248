package dev.podgraph.guest.service;

import dev.podgraph.common.error.ConflictException;
import dev.podgraph.common.error.InvalidInputException;
import dev.podgraph.common.error.NotFoundException;
import dev.podgraph.common.time.Timestamps;
import dev.podgraph.guest.Appearance;
import dev.podgraph.guest.Guest;
import dev.podgraph.guest.GuestRedirect;
import dev.podgraph.guest.cache.GuestCache;
import dev.podgraph.guest.model.GuestChanges;
import dev.podgraph.guest.model.GuestFieldRules;
import dev.podgraph.guest.model.GuestInput;
import dev.podgraph.guest.model.GuestView;
import dev.podgraph.guest.repository.AppearanceRepository;
import dev.podgraph.guest.repository.GuestRepository;
import dev.podgraph.rules.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes of people (create, update, delete, merge), each in one transaction that also schedules the
 * cache invalidation for after its commit; appearances are {@link AppearanceWriter}'s. Inputs are
 * validated here ({@code @Valid}, Bean Validation); the other rules here are the ones that need the
 * database.
 */
@ApplicationScoped
public class GuestWriter {
  private final GuestRepository guests;
  private final AppearanceRepository appearances;
  private final GuestCache cache;
  private final Clock clock;

  GuestWriter(
      GuestRepository guests, AppearanceRepository appearances, GuestCache cache, Clock clock) {
    this.guests = guests;
    this.appearances = appearances;
    this.cache = cache;
    this.clock = clock;
  }

  @Transactional
  public GuestView create(@Valid GuestInput input) {
    GuestFieldRules.checkLists("input", input.projects(), input.links());
    String slug = input.slug() != null ? input.slug() : Slugs.of(input.name());
    if (slug.isEmpty()) {
      throw new InvalidInputException("input.slug", "cannot be derived from the name: give one");
    }
    requireFreeSlug(slug);
    Guest guest = new Guest();
    guest.id = UUID.randomUUID();
    setName(guest, input.name().strip());
    guest.slug = slug;
    guest.honorific = blankToNull(input.honorific());
    guest.bio = blankToNull(input.bio());
    guest.projects = distinct(input.projects());
    guest.links = distinct(input.links());
    guest.createdAt = now();
    guest.updatedAt = guest.createdAt;
    guests.persist(guest);
    guests.flush();
    cache.invalidateAfterCommit();
    return GuestView.of(guest);
  }

  /**
   * Applies the changes; one that changes nothing leaves version and updatedAt alone (re-imports
   * rely on it).
   */
  @Transactional
  public GuestView update(String id, int expectedVersion, @Valid GuestChanges input) {
    GuestFieldRules.checkLists("input", input.projects(), input.links());
    Guest guest = existing(id, expectedVersion);
    boolean changed = false;
    if (input.name() != null && !input.name().strip().equals(guest.name)) {
      setName(guest, input.name().strip());
      changed = true;
    }
    if (input.slug() != null && !input.slug().equals(guest.slug)) {
      requireFreeSlug(input.slug());
      guest.slug = input.slug();
      changed = true;
    }
    if (input.honorific() != null
        && !Objects.equals(blankToNull(input.honorific()), guest.honorific)) {
      guest.honorific = blankToNull(input.honorific());
      changed = true;
    }
    if (input.bio() != null && !Objects.equals(blankToNull(input.bio()), guest.bio)) {
      guest.bio = blankToNull(input.bio());
      changed = true;
    }
    if (input.projects() != null && !distinct(input.projects()).equals(guest.projects)) {
      guest.projects = distinct(input.projects());
      changed = true;
    }
    if (input.links() != null && !distinct(input.links()).equals(guest.links)) {
      guest.links = distinct(input.links());
      changed = true;
    }
    if (changed) {
      guest.updatedAt = now();
      guests.flush();
      cache.invalidateAfterCommit();
    }
    return GuestView.of(guest);
  }

  /** Deletes the person and, in the same transaction, every appearance of theirs. */
  @Transactional
  public String delete(String id, int expectedVersion) {
    Guest guest = existing(id, expectedVersion);
    appearances.deleteOfGuest(guest.id);
    guests.delete(guest);
    guests.flush();
    cache.invalidateAfterCommit();
    return guest.id.toString();
  }

  /**
   * Folds {@code mergedId} into {@code survivorId}: its appearances move to the survivor (where
   * both were on the same episode they collapse into one, keeping the survivor's role and the
   * earlier position), missing honorific and bio are taken over, projects and links are united, and
   * the merged-away id and slug become redirects to the survivor.
   */
  @Transactional
  public GuestView merge(String survivorId, String mergedId) {
    UUID survivorUuid = GuestService.parseId(survivorId, "survivorId");
    UUID mergedUuid = GuestService.parseId(mergedId, "mergedId");
    if (survivorUuid.equals(mergedUuid)) {
      throw new InvalidInputException("mergedId", "must differ from survivorId");
    }
    Guest survivor =
        guests
            .findByIdOptional(survivorUuid, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> notFound(survivorId));
    Guest merged =
        guests
            .findByIdOptional(mergedUuid, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> notFound(mergedId));

    Map<String, Appearance> kept =
        appearances.ofGuests(List.of(survivorUuid)).stream()
            .collect(Collectors.toMap(a -> a.episodeId, Function.identity()));
    for (Appearance moving : appearances.ofGuests(List.of(mergedUuid))) {
      Appearance existing = kept.get(moving.episodeId);
      if (existing == null) {
        moving.guest = survivor;
      } else {
        int earlier = Math.min(existing.position, moving.position);
        if (existing.episodeNumber == null) {
          existing.episodeNumber = moving.episodeNumber;
        }
        appearances.delete(moving);
        appearances.flush(); // frees its position (unique per episode) for the survivor's
        existing.position = earlier;
      }
    }
    // The moves must reach the database before the merged row goes: its delete cascades.
    appearances.flush();
    if (survivor.honorific == null) {
      survivor.honorific = merged.honorific;
    }
    if (survivor.bio == null) {
      survivor.bio = merged.bio;
    }
    survivor.projects = union(survivor.projects, merged.projects);
    survivor.links = union(survivor.links, merged.links);
    // Always a change (updatedAt at least), so the flush bumps the survivor's version too.
    survivor.updatedAt = now();

    guests.retargetRedirects(mergedUuid, survivorUuid);
    String mergedSlug = merged.slug;
    guests.delete(merged);
    guests.flush();
    GuestRedirect redirect = new GuestRedirect();
    redirect.oldId = mergedUuid;
    redirect.oldSlug = mergedSlug;
    redirect.guestId = survivorUuid;
    redirect.mergedAt = survivor.updatedAt;
    guests.getEntityManager().persist(redirect);
    guests.flush();
    cache.invalidateAfterCommit();
    return GuestView.of(survivor);
  }

  private Guest existing(String id, int expectedVersion) {
    Guest guest =
        guests.findByIdOptional(GuestService.parseId(id, "id")).orElseThrow(() -> notFound(id));
    if (expectedVersion != guest.version) {
      throw new ConflictException(
          "Guest "
              + id
              + " is at version "
              + guest.version
              + ", not "
              + expectedVersion
              + ": read it again");
    }
    return guest;
  }

  private void requireFreeSlug(String slug) {
    if (guests.slugTaken(slug)) {
      throw new ConflictException("The slug " + slug + " is already taken");
    }
  }

  private static void setName(Guest guest, String name) {
    guest.name = name;
    guest.searchName = GuestNames.searchForm(name);
  }

  private Instant now() {
    return Timestamps.now(clock);
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("No guest with id " + id);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static List<String> distinct(List<String> values) {
    if (values == null) {
      return new ArrayList<>();
    }
    return new ArrayList<>(new LinkedHashSet<>(values.stream().map(String::strip).toList()));
  }

  private static List<String> union(List<String> first, List<String> second) {
    LinkedHashSet<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return new ArrayList<>(all);
  }
}
