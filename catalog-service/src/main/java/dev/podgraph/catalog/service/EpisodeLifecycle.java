package dev.podgraph.catalog.service;

import dev.podgraph.catalog.Episode;
import dev.podgraph.common.error.InvalidInputException;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Applies a {@link EpisodeTransition} to an episode, or rejects it (BAD_USER_INPUT) without
 * touching the episode. Timestamps: schedule sets scheduledFor, unschedule clears it, publish sets
 * publishedAt (keeping scheduledFor as the plan that was), archive sets archivedAt, unarchive
 * clears it.
 */
public final class EpisodeLifecycle {
  private EpisodeLifecycle() {}

  public static void apply(
      Episode episode, EpisodeTransition transition, Instant scheduledFor, Instant now) {
    if (!transition.allowedFrom(episode.status)) {
      throw new InvalidInputException(
          "Cannot "
              + transition.verb()
              + " an episode that is "
              + episode.status
              + ": "
              + transition.verb()
              + " is allowed from "
              + transition.from().stream().map(Enum::name).collect(Collectors.joining(", ")));
    }
    if (transition == EpisodeTransition.SCHEDULE
        && (scheduledFor == null || !scheduledFor.isAfter(now))) {
      throw new InvalidInputException("scheduledFor", "must be in the future");
    }
    switch (transition) {
      case SCHEDULE -> episode.scheduledFor = scheduledFor;
      case UNSCHEDULE -> episode.scheduledFor = null;
      case PUBLISH -> episode.publishedAt = now;
      case ARCHIVE -> episode.archivedAt = now;
      case UNARCHIVE -> episode.archivedAt = null;
    }
    episode.status = transition.to();
    episode.updatedAt = now;
  }
}
