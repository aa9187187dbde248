package dev.podgraph.guest.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lineups one GraphQL request has loaded: {@code Episode.guests} and {@code Episode.hosts} are
 * two batched fields over the same episodes, and this makes them share one load (one cache lookup,
 * at most one SQL statement) instead of one each.
 */
@RequestScoped
public class EpisodeLineups {
  private final GuestService service;
  private final Map<String, List<AppearanceView>> loaded = new HashMap<>();

  EpisodeLineups(GuestService service) {
    this.service = service;
  }

  public synchronized Map<String, List<AppearanceView>> of(Collection<String> episodeIds) {
    Set<String> missing = new LinkedHashSet<>(episodeIds);
    missing.removeAll(loaded.keySet());
    if (!missing.isEmpty()) {
      loaded.putAll(service.lineups(missing));
    }
    return loaded;
  }
}
