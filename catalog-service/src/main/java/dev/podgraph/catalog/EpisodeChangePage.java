package dev.podgraph.catalog;

import java.util.List;

/**
 * A page of the change feed and the highest seq there is, read from one snapshot.
 *
 * @param feed the feed's identity: another value means another numbering (V3 migration)
 */
public record EpisodeChangePage(String feed, List<EpisodeChange> changes, long head) {}
