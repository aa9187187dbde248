package dev.podgraph.importer.notes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line that starts an episode: "&lt;title&gt; - Episode &lt;number&gt;". A line that ends in "-
 * Episode" with a blank title or without a number is still recognised as a heading, so that the
 * document can be rejected for what exactly is missing instead of for "not show notes".
 */
record EpisodeHeading(int line, String title, String number) {
  private static final Pattern HEADING =
      Pattern.compile(
          "^(?<title>.*?)\\s*[-–—]\\s*Episode\\b\\s*(?<number>[^\\s]*)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final int LONGEST_HEADING = 300;

  static Optional<EpisodeHeading> at(int line, String text) {
    // "- Episode 3" is a heading without a title, not a dash bullet; "• … - Episode 3" is a bullet.
    if (text.length() > LONGEST_HEADING || text.strip().startsWith("•")) {
      return Optional.empty();
    }
    Matcher m = HEADING.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new EpisodeHeading(line, m.group("title").strip(), m.group("number")));
  }

  /** What is missing from this heading, or null when it has a title and a number. */
  String missing() {
    boolean noTitle = title.isEmpty();
    boolean noNumber = !number.matches("\\d{1,9}");
    if (noTitle && noNumber) {
      return "the episode heading on line " + line + " has neither a title nor an episode number";
    }
    if (noTitle) {
      return "the episode heading on line " + line + " has no title";
    }
    if (noNumber) {
      return number.isEmpty()
          ? "the episode heading on line " + line + " (\"" + title + "\") has no episode number"
          : "the episode heading on line "
              + line
              + " (\""
              + title
              + "\") has no episode number (\""
              + number
              + "\" is not one)";
    }
    return null;
  }
}
