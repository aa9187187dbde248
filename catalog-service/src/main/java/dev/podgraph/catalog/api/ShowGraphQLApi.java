package dev.podgraph.catalog.api;

import dev.podgraph.catalog.model.ShowInput;
import dev.podgraph.catalog.model.ShowView;
import dev.podgraph.catalog.service.ShowService;
import dev.podgraph.common.auth.Roles;
import dev.podgraph.common.error.TranslateErrors;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The show: public read, editor write. */
@GraphQLApi
@TranslateErrors
public class ShowGraphQLApi {
  private final ShowService shows;

  public ShowGraphQLApi(ShowService shows) {
    this.shows = shows;
  }

  @Query("show")
  @Description("The podcast; null until an editor saved it.")
  public ShowView show() {
    return shows.show();
  }

  @Mutation("saveShow")
  @RolesAllowed(Roles.EDITOR)
  @Description("Creates or replaces the show; saving the same values changes nothing.")
  public @NonNull ShowView saveShow(@NonNull ShowInput input) {
    return shows.save(input);
  }
}
