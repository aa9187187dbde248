package dev.podgraph.common.paging;

import dev.podgraph.common.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque Relay cursors: base64url (no padding) of a text that only the service that issued it
 * reads. A cursor the client made up, or one of another service, is a {@code BAD_USER_INPUT} on
 * {@code after}, never an internal error.
 */
public final class CursorCodec {
  private CursorCodec() {}

  /** The cursor of a service's own position text, e.g. {@code n:201}. */
  public static String encode(String position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  /** The position text a cursor carries; {@code null} for a {@code null} cursor. */
  public static String decode(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  /** The client error for a cursor whose text this service cannot read. */
  public static InvalidInputException invalid() {
    return new InvalidInputException("after", "is not a cursor this service issued");
  }
}
