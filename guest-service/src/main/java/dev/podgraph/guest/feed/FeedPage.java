package dev.podgraph.guest.feed;

import dev.podgraph.guest.model.EpisodeChange;
import java.util.List;

/**
 * One answer of {@code GET /internal/episode-changes}: the changes after the asked position in seq
 * order, the highest seq the feed has, and the feed's identity (another identity, another
 * numbering).
 */
public record FeedPage(String feed, List<EpisodeChange> changes, long head) {}
