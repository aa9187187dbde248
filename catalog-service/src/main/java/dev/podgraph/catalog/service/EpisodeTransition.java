package dev.podgraph.catalog.service;

import static dev.podgraph.catalog.EpisodeStatus.ARCHIVED;
import static dev.podgraph.catalog.EpisodeStatus.DRAFT;
import static dev.podgraph.catalog.EpisodeStatus.PUBLISHED;
import static dev.podgraph.catalog.EpisodeStatus.SCHEDULED;

import dev.podgraph.catalog.EpisodeStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * The moves of the publishing lifecycle, each with the states it may start from and the state it
 * ends in. Nothing else moves an episode's status.
 *
 * <pre>
 *   DRAFT ──schedule──▶ SCHEDULED ──publish──▶ PUBLISHED ──archive──▶ ARCHIVED
 *     │  ◀──unschedule──   │ ▲ schedule (reschedule)  ▲ ◀────unarchive─────┘
 *     └──────────────────publish────────────────────────┘
 * </pre>
 */
public enum EpisodeTransition {
  SCHEDULE("schedule", EnumSet.of(DRAFT, SCHEDULED), SCHEDULED),
  UNSCHEDULE("unschedule", EnumSet.of(SCHEDULED), DRAFT),
  PUBLISH("publish", EnumSet.of(DRAFT, SCHEDULED), PUBLISHED),
  ARCHIVE("archive", EnumSet.of(PUBLISHED), ARCHIVED),
  UNARCHIVE("unarchive", EnumSet.of(ARCHIVED), PUBLISHED);

  private final String verb;
  private final Set<EpisodeStatus> from;
  private final EpisodeStatus to;

  EpisodeTransition(String verb, Set<EpisodeStatus> from, EpisodeStatus to) {
    this.verb = verb;
    this.from = from;
    this.to = to;
  }

  public String verb() {
    return verb;
  }

  public Set<EpisodeStatus> from() {
    return from;
  }

  public EpisodeStatus to() {
    return to;
  }

  public boolean allowedFrom(EpisodeStatus status) {
    return from.contains(status);
  }
}
