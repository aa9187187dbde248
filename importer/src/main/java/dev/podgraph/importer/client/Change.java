package dev.podgraph.importer.client;

/** What an import did to one thing; ordered so the larger change wins when combined. */
public enum Change {
  UNCHANGED,
  UPDATED,
  CREATED;

  Change and(Change other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
