package dev.podgraph.catalog.model;

import dev.podgraph.catalog.Episode;
import dev.podgraph.catalog.EpisodeStatus;
import dev.podgraph.catalog.InterviewQuestion;
import dev.podgraph.catalog.LinkItem;
import dev.podgraph.catalog.Sponsor;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * The GraphQL {@code Episode} entity: an immutable snapshot of the row, which is also what the
 * cache stores (as JSON). {@code @Name} as well as {@code @Type}: SmallRye resolves federated
 * entities by {@code @Name} or the simple class name.
 */
@Type("Episode")
@Name("Episode")
@Key(fields = @FieldSet("id"))
@Description("An episode of the show, with its show notes and publishing state.")
public record EpisodeView(
    @Id @NonNull String id,
    @NonNull @Description("Episode number, unique across the show.") Integer number,
    @NonNull String title,
    @NonNull @Description("URL-safe name, unique: lowercase words joined by hyphens.") String slug,
    @Description("The heading the notes sit under, e.g. Software Architecture.") String category,
    @NonNull String summary,
    @NonNull @Description("Heading of the announcements in the notes (Announcements, Preface).")
        String announcementsHeading,
    @NonNull @Description("Announcements, in the order they are read.")
        List<@NonNull String> announcements,
    @NonNull @Description("Sponsors named in the announcements, in order.")
        List<@NonNull Sponsor> sponsors,
    @NonNull @Description("Interview questions in order, with their follow-up points.")
        List<@NonNull InterviewQuestion> questions,
    @NonNull List<@NonNull LinkItem> keepInTouch,
    @NonNull List<@NonNull LinkItem> picks,
    @NonNull List<@NonNull LinkItem> links,
    @Description("Credit for the intro and outro music.") String musicCredit,
    @Description("The episode's audio file.") String audioUrl,
    @Description("Cover art for the episode page.") String imageUrl,
    Integer durationSeconds,
    @NonNull EpisodeStatus status,
    @NonNull Instant createdAt,
    @NonNull @Description("Last change of any field; untouched by updates that change nothing.")
        Instant updatedAt,
    Instant scheduledFor,
    Instant publishedAt,
    Instant archivedAt,
    @NonNull @Description("Optimistic-lock version: send it back as expectedVersion.")
        Integer version,
    @Description("What the interview is about, from the notes.") String topic,
    @Description("The music credit's work (the piece), when the credit names one.")
        String musicWork,
    @Description("The music credit's artist, when the credit names one.") String musicArtist,
    @Description("The music's license, e.g. CC BY-SA.") String musicLicense) {

  public static EpisodeView from(Episode e) {
    return new EpisodeView(
        e.id.toString(),
        e.number,
        e.title,
        e.slug,
        e.category,
        e.summary,
        e.announcementsHeading,
        List.copyOf(e.announcements),
        List.copyOf(e.sponsors),
        List.copyOf(e.questions),
        List.copyOf(e.keepInTouch),
        List.copyOf(e.picks),
        List.copyOf(e.links),
        e.musicCredit,
        e.audioUrl,
        e.imageUrl,
        e.durationSeconds,
        e.status,
        e.createdAt,
        e.updatedAt,
        e.scheduledFor,
        e.publishedAt,
        e.archivedAt,
        e.version,
        e.topic,
        e.musicWork,
        e.musicArtist,
        e.musicLicense);
  }
}
