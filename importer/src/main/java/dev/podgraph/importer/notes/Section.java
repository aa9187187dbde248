package dev.podgraph.importer.notes;

import java.util.Locale;
import java.util.Optional;

/** The section headings the show notes use, each a line of its own. */
enum Section {
  SUMMARY("summary"),
  // Older notes call the announcements "Preface"; both play the same role.
  ANNOUNCEMENTS("announcements", "preface"),
  INTERVIEW("interview"),
  KEEP_IN_TOUCH("keep in touch"),
  PICKS("picks"),
  LINKS("links");

  private final String[] headings;

  Section(String... headings) {
    this.headings = headings;
  }

  static Optional<Section> ofHeading(String line) {
    String key = line.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    for (Section section : values()) {
      for (String heading : section.headings) {
        if (heading.equals(key)) {
          return Optional.of(section);
        }
      }
    }
    return Optional.empty();
  }
}
