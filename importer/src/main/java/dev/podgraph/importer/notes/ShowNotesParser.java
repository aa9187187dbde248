package dev.podgraph.importer.notes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Parses show notes in the format of the seed file: optional category heading lines, then one or
 * more episodes, each opened by "&lt;title&gt; - Episode &lt;number&gt;". A document is accepted
 * whole or rejected whole, so an importer never writes half of it.
 */
public final class ShowNotesParser {
  private static final int LONGEST_CATEGORY_IN_WORDS = 8;

  public ShowNotes parse(String document, String text) throws RejectedDocumentException {
    List<String> lines = lines(text);
    List<EpisodeHeading> headings = headings(lines);
    if (headings.isEmpty()) {
      throw new RejectedDocumentException(document, withoutHeadings(lines));
    }
    List<String> preamble = lines.subList(0, headings.getFirst().line() - 1);
    for (int i = 0; i < preamble.size(); i++) {
      if (Section.ofHeading(preamble.get(i)).isPresent()) {
        throw new RejectedDocumentException(
            document,
            "the \""
                + preamble.get(i).strip()
                + "\" section on line "
                + (i + 1)
                + " comes before any episode heading, so its episode has no title and no episode"
                + " number");
      }
    }
    String category = category(preamble).orElse(null);
    List<EpisodeNotes> episodes = new ArrayList<>();
    Set<Integer> numbers = new HashSet<>();
    for (int h = 0; h < headings.size(); h++) {
      EpisodeHeading heading = headings.get(h);
      String missing = heading.missing();
      if (missing != null) {
        throw new RejectedDocumentException(document, missing);
      }
      int end = h + 1 < headings.size() ? headings.get(h + 1).line() - 1 : lines.size();
      EpisodeBlock block;
      try {
        block =
            EpisodeBlock.of(
                lines.subList(heading.line(), end), heading.line() + 1, heading.title());
      } catch (EpisodeBlock.BlockException e) {
        throw new RejectedDocumentException(document, e.getMessage());
      }
      if (block.sections.isEmpty()) {
        throw new RejectedDocumentException(
            document,
            "episode "
                + heading.number()
                + " (\""
                + heading.title()
                + "\", line "
                + heading.line()
                + ") has none of the show-notes sections "
                + sectionNames());
      }
      EpisodeNotes episode = EpisodeAssembler.assemble(heading, block, category);
      if (!numbers.add(episode.number())) {
        throw new RejectedDocumentException(
            document,
            "episode number " + episode.number() + " appears twice (line " + heading.line() + ")");
      }
      episodes.add(episode);
      category = category(block.afterCredit).orElse(category);
    }
    return new ShowNotes(document, episodes);
  }

  private static List<String> lines(String text) {
    String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return Arrays.asList(clean.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
  }

  private static List<EpisodeHeading> headings(List<String> lines) {
    List<EpisodeHeading> headings = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      EpisodeHeading.at(i + 1, lines.get(i)).ifPresent(headings::add);
    }
    return headings;
  }

  private static String withoutHeadings(List<String> lines) {
    Set<String> found =
        lines.stream()
            .map(Section::ofHeading)
            .flatMap(Optional::stream)
            .map(Section::name)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    if (found.isEmpty()) {
      return "not show notes: it has no episode heading (\"<title> - Episode <number>\") and none"
          + " of the sections "
          + sectionNames();
    }
    return "the title and episode number are missing: it has show-notes sections ("
        + String.join(", ", found)
        + ") but no heading line \"<title> - Episode <number>\"";
  }

  /**
   * A category is a short heading-like line standing alone at the top of the file or after an
   * episode's music credit (the last line of an episode); it applies to the episodes after it.
   */
  private static Optional<String> category(List<String> lines) {
    return lines.stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .filter(ShowNotesParser::readsLikeAHeading)
        .reduce((first, second) -> second);
  }

  private static boolean readsLikeAHeading(String line) {
    return !Bullets.isBullet(line)
        && Section.ofHeading(line).isEmpty()
        && !MusicCreditParser.isCredit(line)
        && line.split("\\s+").length <= LONGEST_CATEGORY_IN_WORDS
        && !line.matches(".*[.!?:,;]$")
        && Character.isUpperCase(line.codePointAt(0));
  }

  private static String sectionNames() {
    return Stream.of(
            "Summary", "Announcements/Preface", "Interview", "Keep In Touch", "Picks", "Links")
        .collect(Collectors.joining(", "));
  }
}
