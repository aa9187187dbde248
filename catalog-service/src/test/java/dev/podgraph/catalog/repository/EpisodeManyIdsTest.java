package dev.podgraph.catalog.repository;

import static dev.podgraph.catalog.EpisodeFixtures.createMany;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.catalog.CatalogInfra;
import dev.podgraph.catalog.EpisodeAudience;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Lookups by id pass the ids as one array parameter, so more ids than PostgreSQL's 65,535 bind
 * parameters still work (an {@code IN} list of them fails).
 */
@QuarkusTest
@WithTestResource(CatalogInfra.class)
class EpisodeManyIdsTest {
  @Inject EpisodeRepository episodes;

  @Test
  void findsEpisodesAmongMoreIdsThanPostgresHasBindParameters() {
    List<String> created = createMany(2, "many-ids");
    List<UUID> ids = new ArrayList<>();
    created.forEach(id -> ids.add(UUID.fromString(id)));
    while (ids.size() < 70_000) {
      ids.add(UUID.randomUUID());
    }
    List<String> found =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    episodes.withIds(ids, EpisodeAudience.EDITORS).stream()
                        .map(e -> e.id.toString())
                        .sorted()
                        .toList());
    assertEquals(created.stream().sorted().toList(), found);
  }
}
