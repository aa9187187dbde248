package dev.podgraph.guest.repository;

import static dev.podgraph.guest.GuestFixtures.appear;
import static dev.podgraph.guest.GuestFixtures.guestId;
import static dev.podgraph.guest.GuestFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.guest.Appearance;
import dev.podgraph.guest.Audience;
import dev.podgraph.guest.GuestInfra;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Lookups by many ids pass them as one array parameter, so more ids than PostgreSQL's 65,535 bind
 * parameters still work (an {@code IN} list of them fails).
 */
@QuarkusTest
@WithTestResource(GuestInfra.class)
class GuestManyIdsTest {
  private static final int MORE_THAN_BIND_PARAMETERS = 70_000;

  @Inject GuestRepository guests;
  @Inject AppearanceRepository appearances;

  private static List<UUID> padded(UUID known) {
    List<UUID> ids = new ArrayList<>(List.of(known));
    while (ids.size() < MORE_THAN_BIND_PARAMETERS) {
      ids.add(UUID.randomUUID());
    }
    return ids;
  }

  @Test
  void findsGuestsRedirectsAndAppearancesAmongMoreIdsThanPostgresHasBindParameters() {
    UUID guest = UUID.fromString(guestId("Many Ids"));
    String episode = "ep-" + unique();
    appear(guest.toString(), episode, "GUEST", 0);
    List<UUID> ids = padded(guest);

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              assertEquals(List.of(guest), List.copyOf(guests.byIds(ids).keySet()));
              assertEquals(0, guests.redirectTargets(ids.subList(1, ids.size())).size());
              List<Appearance> found = appearances.ofGuests(ids, Audience.PUBLIC);
              assertEquals(List.of(episode), found.stream().map(a -> a.episodeId).toList());
              assertEquals(guest, found.get(0).guest.id);
            });
  }

  @Test
  void deletesTheAppearancesOfMoreEpisodesThanPostgresHasBindParameters() {
    UUID guest = UUID.fromString(guestId("Many Deleted Episodes"));
    String gone = "ep-" + unique();
    String kept = "ep-" + unique();
    appear(guest.toString(), gone, "GUEST", 0);
    appear(guest.toString(), kept, "GUEST", 0);
    List<String> episodes = new ArrayList<>(List.of(gone));
    while (episodes.size() < MORE_THAN_BIND_PARAMETERS) {
      episodes.add("ep-" + UUID.randomUUID());
    }

    long deleted =
        QuarkusTransaction.requiringNew().call(() -> appearances.deleteOnEpisodes(episodes));

    assertEquals(1, deleted);
    List<String> left =
        QuarkusTransaction.requiringNew()
            .call(
                () -> appearances.ofGuests(List.of(guest)).stream().map(a -> a.episodeId).toList());
    assertEquals(List.of(kept), left);
  }
}
