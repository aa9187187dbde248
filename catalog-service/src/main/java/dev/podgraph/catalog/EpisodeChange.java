package dev.podgraph.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the change feed ({@code episode_change}): the newest change of an episode, numbered
 * in commit order. Ids and visibility only, no content.
 */
public record EpisodeChange(
    long seq, UUID episodeId, EpisodeChangeKind change, Instant occurredAt) {}
