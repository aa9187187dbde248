package dev.podgraph.catalog.api;

import dev.podgraph.catalog.EpisodeAudience;
import dev.podgraph.catalog.model.EpisodeConnection;
import dev.podgraph.catalog.model.EpisodeFilter;
import dev.podgraph.catalog.model.EpisodeInput;
import dev.podgraph.catalog.model.EpisodeOrder;
import dev.podgraph.catalog.model.EpisodeView;
import dev.podgraph.catalog.service.EpisodeQueryService;
import dev.podgraph.catalog.service.EpisodeService;
import dev.podgraph.catalog.service.EpisodeTransition;
import dev.podgraph.common.auth.Roles;
import dev.podgraph.common.error.TranslateErrors;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Episode queries and mutations; reads are public but only editors see drafts and scheduled
 * episodes (see {@link EpisodeAudience}); writes need the editor role.
 */
@GraphQLApi
@TranslateErrors
@Link(
    url = "https://specs.apollo.dev/federation/v2.7",
    _import = {@Import(name = "@key"), @Import(name = "@shareable")})
public class EpisodeGraphQLApi {
  private final EpisodeQueryService queries;
  private final EpisodeService episodes;
  private final SecurityIdentity caller;

  public EpisodeGraphQLApi(
      EpisodeQueryService queries, EpisodeService episodes, SecurityIdentity caller) {
    this.queries = queries;
    this.episodes = episodes;
    this.caller = caller;
  }

  @Query("episode")
  @Description(
      "One episode, named by exactly one of id, number or slug; null if none, or if it is DRAFT or"
          + " SCHEDULED and the caller is not an editor.")
  public EpisodeView episode(@Id String id, Integer number, String slug) {
    return queries.find(audience(), id, number, slug);
  }

  @Query("episodes")
  @Description(
      "Episodes, newest first unless orderBy says otherwise; first: 1..100, default 20. Callers"
          + " without the editor role get only PUBLISHED and ARCHIVED episodes (filtering by"
          + " another status gives an empty page), and totalCount counts only those.")
  public @NonNull EpisodeConnection episodes(
      Integer first, String after, EpisodeFilter filter, EpisodeOrder orderBy) {
    return queries.page(audience(), first, after, filter, orderBy);
  }

  @Query("searchEpisodes")
  @Description(
      "Full-text search (PostgreSQL, English) over title, summary and interview questions, best"
          + " match first. text takes web-search syntax: words, \"phrases\", -excluded, or."
          + " Callers without the editor role find only PUBLISHED and ARCHIVED episodes.")
  public @NonNull EpisodeConnection searchEpisodes(
      @NonNull String text, Integer first, String after) {
    return queries.search(audience(), text, first, after);
  }

  /**
   * Federation {@code _entities}: every Episode representation of a request in one call; an episode
   * the caller may not see resolves to null, as an unknown id does.
   */
  @Resolver
  public List<EpisodeView> episodeReferences(List<String> id) {
    return queries.byIds(audience(), id);
  }

  @Mutation("createEpisode")
  @RolesAllowed(Roles.EDITOR)
  @Description("Creates a DRAFT episode.")
  public @NonNull EpisodeView createEpisode(@NonNull EpisodeInput input) {
    return episodes.create(input);
  }

  @Mutation("updateEpisode")
  @RolesAllowed(Roles.EDITOR)
  @Description(
      "Replaces the content of an episode (not its status). Changing nothing keeps version and"
          + " updatedAt.")
  public @NonNull EpisodeView updateEpisode(
      @Id @NonNull String id, @NonNull Integer expectedVersion, @NonNull EpisodeInput input) {
    return episodes.update(id, expectedVersion, input);
  }

  @Mutation("deleteEpisode")
  @RolesAllowed(Roles.EDITOR)
  @Description("Deletes an episode; returns its id.")
  public @Id @NonNull String deleteEpisode(
      @Id @NonNull String id, @NonNull Integer expectedVersion) {
    return episodes.delete(id, expectedVersion);
  }

  @Mutation("scheduleEpisode")
  @RolesAllowed(Roles.EDITOR)
  @Description("DRAFT or SCHEDULED -> SCHEDULED at a future time.")
  public @NonNull EpisodeView scheduleEpisode(
      @Id @NonNull String id,
      @NonNull Integer expectedVersion,
      @Name("at") @NonNull Instant scheduledFor) {
    return episodes.transition(id, expectedVersion, EpisodeTransition.SCHEDULE, scheduledFor);
  }

  @Mutation("unscheduleEpisode")
  @RolesAllowed(Roles.EDITOR)
  @Description("SCHEDULED -> DRAFT.")
  public @NonNull EpisodeView unscheduleEpisode(
      @Id @NonNull String id, @NonNull Integer expectedVersion) {
    return episodes.transition(id, expectedVersion, EpisodeTransition.UNSCHEDULE, null);
  }

  @Mutation("publishEpisode")
  @RolesAllowed(Roles.EDITOR)
  @Description("DRAFT or SCHEDULED -> PUBLISHED now.")
  public @NonNull EpisodeView publishEpisode(
      @Id @NonNull String id, @NonNull Integer expectedVersion) {
    return episodes.transition(id, expectedVersion, EpisodeTransition.PUBLISH, null);
  }

  @Mutation("archiveEpisode")
  @RolesAllowed(Roles.EDITOR)
  @Description("PUBLISHED -> ARCHIVED.")
  public @NonNull EpisodeView archiveEpisode(
      @Id @NonNull String id, @NonNull Integer expectedVersion) {
    return episodes.transition(id, expectedVersion, EpisodeTransition.ARCHIVE, null);
  }

  @Mutation("unarchiveEpisode")
  @RolesAllowed(Roles.EDITOR)
  @Description("ARCHIVED -> PUBLISHED (publishedAt kept).")
  public @NonNull EpisodeView unarchiveEpisode(
      @Id @NonNull String id, @NonNull Integer expectedVersion) {
    return episodes.transition(id, expectedVersion, EpisodeTransition.UNARCHIVE, null);
  }

  /** A verified token with the editor role sees everything; anyone else the public episodes. */
  private EpisodeAudience audience() {
    return caller.hasRole(Roles.EDITOR) ? EpisodeAudience.EDITORS : EpisodeAudience.PUBLIC;
  }
}
