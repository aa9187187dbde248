package dev.podgraph.gateway.cache;

/**
 * Who may share a cached subgraph answer, as in {@code @cacheControl(scope:)}: {@code PUBLIC}
 * entries are shared by every anonymous caller (an authenticated caller always gets entries of
 * their own); {@code PRIVATE} entries only ever answer the same authenticated caller, and nothing
 * is cached for anonymous callers.
 */
public enum CacheScope {
  PUBLIC,
  PRIVATE
}
