package dev.podgraph.importer.notes;

import dev.podgraph.rules.Slugs;
import dev.podgraph.rules.SponsorExtractor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a heading and its sectioned block into the episode model. */
final class EpisodeAssembler {
  private EpisodeAssembler() {}

  static EpisodeNotes assemble(EpisodeHeading heading, EpisodeBlock block, String category) {
    String summary = paragraphs(block.lines(Section.SUMMARY));
    List<String> announcements = Bullets.items(block.lines(Section.ANNOUNCEMENTS));
    List<InterviewPoint> interview = Bullets.tree(block.lines(Section.INTERVIEW));

    List<String> searched = new ArrayList<>(announcements);
    searched.add(summary);
    searched.addAll(block.unsectioned);
    Interviewing interviewing =
        Interviewing.find(searched).orElse(new Interviewing(null, List.of(), null));

    String context = String.join("\n", heading.title(), summary, String.join("\n", announcements));
    List<PersonName> names = GuestFinder.guests(heading.title(), interviewing.guests(), context);
    List<String> projects = GuestProfiler.projects(summary, interview);
    List<GuestNotes> guests =
        names.stream()
            .filter(
                g -> interviewing.host() == null || !g.slug().equals(interviewing.host().slug()))
            .map(
                g ->
                    new GuestNotes(
                        g, GuestProfiler.role(g, mentions(g, interviewing), summary), projects))
            .toList();

    return new EpisodeNotes(
        Integer.parseInt(heading.number()),
        heading.title(),
        Slugs.of(heading.title()),
        category,
        summary,
        block.headings.get(Section.ANNOUNCEMENTS),
        announcements,
        SponsorExtractor.sponsors(announcements),
        interviewing.host(),
        guests,
        interviewing.topic(),
        interview,
        Bullets.items(block.lines(Section.KEEP_IN_TOUCH)),
        Bullets.items(block.lines(Section.PICKS)),
        Bullets.items(block.lines(Section.LINKS)),
        block.music);
  }

  /** The ways the summary may refer to a guest: full name, the name as interviewed, first name. */
  private static List<String> mentions(PersonName guest, Interviewing interviewing) {
    Set<String> mentions = new LinkedHashSet<>();
    mentions.add(guest.name());
    interviewing.guests().stream()
        .map(PersonName::name)
        .filter(n -> guest.name().startsWith(n + " ") || guest.name().endsWith(" " + n))
        .forEach(mentions::add);
    mentions.add(guest.name().split("\\s+")[0]);
    return List.copyOf(mentions);
  }

  /** Non-blank lines, one paragraph each, joined by a blank line. */
  private static String paragraphs(List<String> lines) {
    return lines.stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .collect(Collectors.joining("\n\n"));
  }
}
