package dev.podgraph.guest.service;

import dev.podgraph.common.error.InvalidInputException;
import dev.podgraph.guest.repository.GuestRepository.GuestPosition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque cursors over the default order: the row's id and the search form of its name, so that a
 * page starts right after the previous one even when rows are added or removed in between.
 */
final class GuestCursor {
  private static final int UUID_LENGTH = 36;

  private GuestCursor() {}

  static String of(GuestView guest) {
    String raw = guest.id() + GuestNames.searchForm(guest.name());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static GuestPosition parse(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return new GuestPosition(
          raw.substring(UUID_LENGTH), UUID.fromString(raw.substring(0, UUID_LENGTH)));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new InvalidInputException("after", "is not a cursor this service issued");
    }
  }
}
