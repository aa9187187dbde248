package dev.podgraph.guest.api;

import dev.podgraph.common.auth.Roles;
import dev.podgraph.common.error.InvalidInputException;
import dev.podgraph.common.error.TranslateErrors;
import dev.podgraph.guest.AppearanceRole;
import dev.podgraph.guest.Audience;
import dev.podgraph.guest.model.AppearanceInput;
import dev.podgraph.guest.model.AppearanceView;
import dev.podgraph.guest.model.EpisodeLineup;
import dev.podgraph.guest.model.EpisodeRef;
import dev.podgraph.guest.model.GuestChanges;
import dev.podgraph.guest.model.GuestConnection;
import dev.podgraph.guest.model.GuestFilter;
import dev.podgraph.guest.model.GuestInput;
import dev.podgraph.guest.model.GuestView;
import dev.podgraph.guest.service.AppearanceWriter;
import dev.podgraph.guest.service.EpisodeLineups;
import dev.podgraph.guest.service.GuestService;
import dev.podgraph.guest.service.GuestWriter;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * The people subgraph: queries and mutations on people, their appearances, and the {@code
 * guests}/{@code hosts} fields it adds to catalog-service's {@code Episode}. The {@code @Link}
 * makes SmallRye emit Federation v2 SDL.
 */
@GraphQLApi
@TranslateErrors
@Link(
    url = "https://specs.apollo.dev/federation/v2.7",
    _import = {@Import(name = "@key"), @Import(name = "@shareable")})
public class GuestGraphQLApi {
  private final GuestService service;
  private final GuestWriter writer;
  private final AppearanceWriter appearanceWriter;
  private final EpisodeLineups lineups;
  private final SecurityIdentity caller;

  GuestGraphQLApi(
      GuestService service,
      GuestWriter writer,
      AppearanceWriter appearanceWriter,
      EpisodeLineups lineups,
      SecurityIdentity caller) {
    this.service = service;
    this.writer = writer;
    this.appearanceWriter = appearanceWriter;
    this.lineups = lineups;
    this.caller = caller;
  }

  @Query
  @Description(
      "A person by id or by slug (exactly one). A merged-away id or slug gives the survivor.")
  public GuestView guest(@Id String id, String slug) {
    if ((id == null) == (slug == null)) {
      throw new InvalidInputException("Give exactly one of id and slug");
    }
    return (id != null ? service.byId(id) : service.bySlug(slug)).orElse(null);
  }

  @Query("guests")
  @NonNull @Description("People in name order (case and accents ignored), a page at a time.")
  public GuestConnection guestPage(
      @DefaultValue("20") @Description("Page size, 0 to 100.") Integer first,
      @Description("endCursor of the previous page.") String after,
      GuestFilter filter) {
    return service.page(first, after, filter, audience());
  }

  /** Federation: every Guest representation of one _entities call, in one batch. */
  @Resolver
  public List<GuestView> guestEntities(List<String> id) {
    return service.byIds(id);
  }

  /**
   * Federation: an Episode representation is known here by its key alone (its fields are
   * catalog-service's), except that one the change feed reported hidden from this caller (or
   * deleted) resolves to null. The lineups loaded to find out serve the batched fields below.
   */
  @Resolver
  public List<EpisodeRef> episodeEntities(List<String> id) {
    Map<String, EpisodeLineup> known = lineups.of(id, audience());
    return id.stream().map(e -> known.get(e).hidden() ? null : new EpisodeRef(e)).toList();
  }

  @Name("guests")
  @Description(
      "The episode's guests, in appearance order. Null only when guest-service cannot answer:"
          + " the rest of the episode is still served.")
  public List<List<@NonNull GuestView>> episodeGuests(@Source List<EpisodeRef> episodes) {
    return lineup(episodes, AppearanceRole.GUEST);
  }

  @Name("hosts")
  @Description(
      "The episode's hosts, in appearance order. Null only when guest-service cannot answer:"
          + " the rest of the episode is still served.")
  public List<List<@NonNull GuestView>> episodeHosts(@Source List<EpisodeRef> episodes) {
    return lineup(episodes, AppearanceRole.HOST);
  }

  @Name("episodes")
  @Description(
      "Episodes this person appears on, newest first, without those catalog-service's change feed"
          + " hides from the caller. References that catalog-service resolves: an episode it cannot"
          + " or will not show is a null item, and the person stays.")
  public List<@NonNull List<EpisodeRef>> guestEpisodes(@Source List<GuestView> guests) {
    Map<String, List<AppearanceView>> byGuest =
        service.appearancesOf(guests.stream().map(GuestView::id).toList(), audience());
    return guests.stream()
        .map(
            g ->
                byGuest.getOrDefault(g.id(), List.of()).stream()
                    .map(AppearanceView::episode)
                    .toList())
        .toList();
  }

  @Name("appearances")
  @Description(
      "This person's appearances with role and order, newest episode first, without those on"
          + " episodes catalog-service's change feed hides from the caller.")
  public List<@NonNull List<@NonNull AppearanceView>> guestAppearances(
      @Source List<GuestView> guests) {
    Map<String, List<AppearanceView>> byGuest =
        service.appearancesOf(guests.stream().map(GuestView::id).toList(), audience());
    return guests.stream().map(g -> byGuest.getOrDefault(g.id(), List.of())).toList();
  }

  @Mutation
  @RolesAllowed(Roles.EDITOR)
  @NonNull @Description("Adds a person. The slug is derived from the name when omitted; it must be unique.")
  public GuestView createGuest(@NonNull GuestInput input) {
    return writer.create(input);
  }

  @Mutation
  @RolesAllowed(Roles.EDITOR)
  @NonNull @Description(
      "Changes a person. A stale expectedVersion is a CONFLICT; a change to nothing keeps version and updatedAt.")
  public GuestView updateGuest(
      @Id @NonNull String id, int expectedVersion, @NonNull GuestChanges input) {
    return writer.update(id, expectedVersion, input);
  }

  @Mutation
  @RolesAllowed(Roles.EDITOR)
  @Id
  @NonNull @Description("Deletes a person and all their appearances; returns the deleted id.")
  public String deleteGuest(@Id @NonNull String id, int expectedVersion) {
    return writer.delete(id, expectedVersion);
  }

  @Mutation
  @RolesAllowed(Roles.EDITOR)
  @NonNull @Description(
      "Folds mergedId into survivorId: appearances move (duplicates on one episode collapse), missing"
          + " details are taken over, and the merged id and slug redirect to the survivor.")
  public GuestView mergeGuests(@Id @NonNull String survivorId, @Id @NonNull String mergedId) {
    return writer.merge(survivorId, mergedId);
  }

  @Mutation
  @RolesAllowed(Roles.EDITOR)
  @NonNull @Description(
      "Puts a person on an episode; for an existing appearance, sets role, order and number. An"
          + " episode catalog-service has deleted is NOT_FOUND.")
  public AppearanceView addAppearance(@NonNull AppearanceInput input) {
    return appearanceWriter.addAppearance(input);
  }

  @Mutation
  @RolesAllowed(Roles.EDITOR)
  @NonNull @Description("Takes a person off an episode; returns the removed appearance.")
  public AppearanceView removeAppearance(
      @Id @NonNull String guestId, @Id @NonNull String episodeId) {
    return appearanceWriter.removeAppearance(guestId, episodeId);
  }

  private List<List<GuestView>> lineup(List<EpisodeRef> episodes, AppearanceRole role) {
    Map<String, EpisodeLineup> byEpisode =
        lineups.of(episodes.stream().map(EpisodeRef::id).toList(), audience());
    return episodes.stream()
        .map(
            e ->
                byEpisode.get(e.id()).appearances().stream()
                    .filter(a -> a.role() == role)
                    .map(AppearanceView::guest)
                    .toList())
        .toList();
  }

  private Audience audience() {
    return caller.hasRole(Roles.EDITOR) ? Audience.EDITORS : Audience.PUBLIC;
  }
}
