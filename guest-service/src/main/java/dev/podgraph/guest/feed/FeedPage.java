package dev.podgraph.guest.feed;

import dev.podgraph.guest.service.EpisodeChange;
import java.util.List;

/**
 * One answer of {@code GET /internal/episode-changes}: the changes after the asked position in seq
 * order, and the highest seq the feed has.
 */
public record FeedPage(List<EpisodeChange> changes, long head) {}
