package dev.podgraph.catalog.service;

import dev.podgraph.common.paging.CursorCodec;

/**
 * What catalog's cursors carry ({@link CursorCodec} makes them opaque): {@code n:<episode number>}
 * for {@code episodes} (keyset pagination, stable under inserts) and {@code o:<offset>} for {@code
 * searchEpisodes} (ranked, so there is no stable key to seek from).
 */
final class Cursors {
  private Cursors() {}

  static String afterNumber(int number) {
    return CursorCodec.encode("n:" + number);
  }

  static String afterOffset(int offset) {
    return CursorCodec.encode("o:" + offset);
  }

  static Integer number(String cursor) {
    return decode(cursor, "n:");
  }

  static int offset(String cursor) {
    Integer offset = decode(cursor, "o:");
    return offset == null ? 0 : offset;
  }

  private static Integer decode(String cursor, String prefix) {
    String raw = CursorCodec.decode(cursor);
    if (raw == null) {
      return null;
    }
    if (raw.startsWith(prefix)) {
      try {
        int value = Integer.parseInt(raw.substring(prefix.length()));
        if (value >= 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // falls through to the client error below
      }
    }
    throw CursorCodec.invalid();
  }
}
