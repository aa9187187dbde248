package dev.podgraph.importer.notes;

import dev.podgraph.rules.Sponsor;
import java.util.List;

/**
 * Everything one episode's show notes say, as written (curly quotes kept).
 *
 * @param category the category heading that precedes the episode in its file, or null
 * @param announcementsHeading the heading of the announcements as written ("Announcements" or, in
 *     older notes, "Preface"), or null when there are none
 * @param announcements the announcement bullets, in order
 * @param topic what the interview is about, from "today I’m interviewing X about …", or null
 * @param music the music credit line, or null when the notes have none
 */
public record EpisodeNotes(
    int number,
    String title,
    String slug,
    String category,
    String summary,
    String announcementsHeading,
    List<String> announcements,
    List<Sponsor> sponsors,
    PersonName host,
    List<GuestNotes> guests,
    String topic,
    List<InterviewPoint> interview,
    List<String> keepInTouch,
    List<String> picks,
    List<String> links,
    MusicCredit music) {
  public EpisodeNotes {
    announcements = List.copyOf(announcements);
    sponsors = List.copyOf(sponsors);
    guests = List.copyOf(guests);
    interview = List.copyOf(interview);
    keepInTouch = List.copyOf(keepInTouch);
    picks = List.copyOf(picks);
    links = List.copyOf(links);
  }
}
