package dev.podgraph.guest.service;

import dev.podgraph.common.paging.CursorCodec;
import dev.podgraph.guest.model.GuestView;
import dev.podgraph.guest.repository.GuestRepository.GuestPosition;
import java.util.UUID;

/**
 * What guest's cursors carry ({@link CursorCodec} makes them opaque): the row's id and the search
 * form of its name, so that a page starts right after the previous one even when rows are added or
 * removed in between.
 */
final class GuestCursor {
  private static final int UUID_LENGTH = 36;

  private GuestCursor() {}

  static String of(GuestView guest) {
    return CursorCodec.encode(guest.id() + GuestNames.searchForm(guest.name()));
  }

  static GuestPosition parse(String cursor) {
    String raw = CursorCodec.decode(cursor);
    try {
      return new GuestPosition(
          raw.substring(UUID_LENGTH), UUID.fromString(raw.substring(0, UUID_LENGTH)));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw CursorCodec.invalid();
    }
  }
}
