package dev.podgraph.guest.model;

import dev.podgraph.guest.Appearance;
import dev.podgraph.guest.AppearanceRole;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A person on an episode, in a role, at a position among that episode's appearances. */
@Name("Appearance")
@Description("A person on an episode, as host or guest.")
public record AppearanceView(
    @NonNull GuestView guest,
    @Description(
            "The episode, a reference that catalog-service resolves: null when it cannot or will"
                + " not show it to the caller.")
        EpisodeRef episode,
    @Description("The episode's number, when the importer or editor gave it.")
        Integer episodeNumber,
    @NonNull AppearanceRole role,
    @Description("Position among the episode's appearances (0 first).") int order) {

  public static AppearanceView of(Appearance appearance) {
    return new AppearanceView(
        GuestView.of(appearance.guest),
        new EpisodeRef(appearance.episodeId),
        appearance.episodeNumber,
        appearance.role,
        appearance.position);
  }
}
