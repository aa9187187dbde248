package dev.podgraph.common.cache;

/** The cache as the readiness check reports it. */
public record CacheStatus(
    boolean enabled, boolean reachable, boolean breakerOpen, int pendingInvalidations) {}
