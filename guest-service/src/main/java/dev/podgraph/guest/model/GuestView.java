package dev.podgraph.guest.model;

import dev.podgraph.guest.Guest;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A person as readers see them: what queries return and what the cache holds. Hosts are Guests too;
 * which one a person is depends on the episode.
 */
@Name("Guest")
@Key(fields = @FieldSet("id"))
@Description("A person who appears on episodes, as a guest or as a host.")
public record GuestView(
    @Id @NonNull String id,
    @NonNull String name,
    @NonNull @Description("Unique, URL-safe; stable across re-imports.") String slug,
    @Description("Title written before the name, e.g. \"Dr.\".") String honorific,
    @Description("Who they are, as the show notes describe them.") String bio,
    @NonNull @Description("Projects they are known for.") List<@NonNull String> projects,
    @NonNull @Description("Links about them or their work.") List<@NonNull String> links,
    @NonNull Instant createdAt,
    @NonNull Instant updatedAt,
    @Description("Optimistic-locking version: pass it back as expectedVersion.") int version) {

  public static GuestView of(Guest guest) {
    return new GuestView(
        guest.id.toString(),
        guest.name,
        guest.slug,
        guest.honorific,
        guest.bio,
        List.copyOf(guest.projects),
        List.copyOf(guest.links),
        guest.createdAt,
        guest.updatedAt,
        (int) guest.version);
  }
}
