package dev.podgraph.catalog.model;

import dev.podgraph.catalog.Show;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The GraphQL {@code Show}. */
@Type("Show")
@Description("The podcast: title, tagline and host.")
public record ShowView(
    @NonNull String title,
    String tagline,
    @NonNull String hostName,
    String url,
    @NonNull Instant updatedAt,
    @NonNull Integer version) {

  public static ShowView from(Show s) {
    return new ShowView(s.title, s.tagline, s.hostName, s.url, s.updatedAt, s.version);
  }
}
