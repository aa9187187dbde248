package dev.podgraph.guest.service;

import dev.podgraph.guest.Audience;
import dev.podgraph.guest.model.EpisodeLineup;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The lineups one GraphQL request has loaded: the {@code Episode} entity resolver (which needs to
 * know which episodes are hidden) and the batched {@code Episode.guests} and {@code Episode.hosts}
 * fields all work on the same episodes, and this makes them share one load (one cache lookup, at
 * most one SQL statement) instead of one each.
 */
@RequestScoped
public class EpisodeLineups {
  private final GuestService service;
  private final Map<Audience, Map<String, EpisodeLineup>> loaded = new EnumMap<>(Audience.class);

  EpisodeLineups(GuestService service) {
    this.service = service;
  }

  /** Every given episode's lineup (and more that this request loaded before). */
  public synchronized Map<String, EpisodeLineup> of(
      Collection<String> episodeIds, Audience audience) {
    Map<String, EpisodeLineup> known = loaded.computeIfAbsent(audience, a -> new HashMap<>());
    Set<String> missing = new LinkedHashSet<>(episodeIds);
    missing.removeAll(known.keySet());
    if (!missing.isEmpty()) {
      known.putAll(service.lineups(missing, audience));
    }
    return known;
  }
}
