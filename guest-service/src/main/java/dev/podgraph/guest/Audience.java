package dev.podgraph.guest;

/**
 * Who is reading, as far as appearances go: editors see appearances on every episode that still
 * exists, everyone else (no token, or a token without the editor role) not those on episodes that
 * catalog-service's change feed has hidden. Every read filters by it in SQL and cache keys carry
 * it, so an editor's read never answers a public caller.
 */
public enum Audience {
  PUBLIC,
  EDITORS
}
