package dev.podgraph.catalog.model;

import dev.podgraph.rules.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * Everything an editor (or the show-notes importer) sends for an episode: create and update both
 * take the whole episode, and an update that changes nothing leaves it untouched.
 */
@Input("EpisodeInput")
@Description(
    "The whole content of an episode. Omitted lists are empty, except sponsors: omitted, they are"
        + " extracted from the announcements. Announcements and follow-ups: non-blank, at most 5000"
        + " characters each.")
public record EpisodeInput(
    @NonNull @NotNull @Positive Integer number,
    @NonNull @NotBlank @Size(max = 300) String title,
    @Description("Lowercase words joined by hyphens; derived from the title when omitted.")
        @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase words joined by hyphens") String slug,
    @Size(max = 200) String category,
    @Size(max = 20000) String summary,
    @Description("Heading of the announcements; Announcements when omitted.") @Size(max = 100) String announcementsHeading,
    @Size(max = 100) List<String> announcements,
    @Description("Sponsors; extracted from the announcements when omitted (null).") @Size(max = 50) List<@Valid SponsorInput> sponsors,
    @Size(max = 200) List<@Valid InterviewQuestionInput> questions,
    @Size(max = 100) List<@Valid LinkItemInput> keepInTouch,
    @Size(max = 100) List<@Valid LinkItemInput> picks,
    @Size(max = 200) List<@Valid LinkItemInput> links,
    @Size(max = 1000) String musicCredit,
    @Size(max = 2000) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String audioUrl,
    @Size(max = 2000) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String imageUrl,
    @PositiveOrZero Integer durationSeconds,
    @Description("What the interview is about, as the notes say it.") @Size(max = 1000) String topic,
    @Description("The music credit's work (the piece), when the credit names one.") @Size(max = 300) String musicWork,
    @Description("The music credit's artist, when the credit names one.") @Size(max = 300) String musicArtist,
    @Description("The music's license, e.g. CC BY-SA.") @Size(max = 100) String musicLicense) {

  /** A sponsor as sent: a name and the link read out in the announcement. */
  @Input("SponsorInput")
  public record SponsorInput(
      @NonNull @NotBlank @Size(max = 200) String name,
      @Size(max = 2000) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String url) {}

  /** A question with its follow-up points. */
  @Input("InterviewQuestionInput")
  public record InterviewQuestionInput(
      @NonNull @NotBlank @Size(max = 2000) String text, @Size(max = 50) List<String> followUps) {}

  /** A Keep In Touch / Picks / Links entry. */
  @Input("LinkItemInput")
  public record LinkItemInput(
      @NonNull @NotBlank @Size(max = 2000) String text,
      @Size(max = 2000) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String url) {}
}
