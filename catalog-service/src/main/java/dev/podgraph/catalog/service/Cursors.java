package dev.podgraph.catalog.service;

import dev.podgraph.common.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque Relay cursors: base64url of {@code n:<episode number>} for {@code episodes} (keyset
 * pagination, stable under inserts) and {@code o:<offset>} for {@code searchEpisodes} (ranked, so
 * there is no stable key to seek from).
 */
final class Cursors {
  private Cursors() {}

  static String afterNumber(int number) {
    return encode("n:" + number);
  }

  static String afterOffset(int offset) {
    return encode("o:" + offset);
  }

  static Integer number(String cursor) {
    return decode(cursor, "n:");
  }

  static int offset(String cursor) {
    Integer offset = decode(cursor, "o:");
    return offset == null ? 0 : offset;
  }

  private static String encode(String raw) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static Integer decode(String cursor, String prefix) {
    if (cursor == null) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (raw.startsWith(prefix)) {
        int value = Integer.parseInt(raw.substring(prefix.length()));
        if (value >= 0) {
          return value;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the client error below
    }
    throw new InvalidInputException("after", "is not a cursor this query returned");
  }
}
