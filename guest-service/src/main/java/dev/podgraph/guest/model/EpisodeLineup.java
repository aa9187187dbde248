package dev.podgraph.guest.model;

import java.util.List;

/**
 * An episode's appearances in appearance order, as one audience sees them. {@code hidden}: the
 * change feed says this audience may not see the episode (or it was deleted), so there are none.
 */
public record EpisodeLineup(boolean hidden, List<AppearanceView> appearances) {}
