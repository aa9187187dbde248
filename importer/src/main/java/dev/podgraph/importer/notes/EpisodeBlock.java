package dev.podgraph.importer.notes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lines between one episode heading and the next, cut into sections. Lines after the music
 * credit belong to no section: they are where a category heading for the next episodes can stand.
 */
final class EpisodeBlock {
  final Map<Section, List<String>> sections = new EnumMap<>(Section.class);
  // As written: the announcements are headed "Announcements" in newer notes, "Preface" in older.
  final Map<Section, String> headings = new EnumMap<>(Section.class);
  final List<String> unsectioned = new ArrayList<>();
  final List<String> afterCredit = new ArrayList<>();
  MusicCredit music;

  private EpisodeBlock() {}

  /**
   * @param firstLine the 1-based number of {@code lines.get(0)} in the document, for messages
   * @return the block, or a description of why it cannot be one episode
   */
  static EpisodeBlock of(List<String> lines, int firstLine, String heading) throws BlockException {
    EpisodeBlock block = new EpisodeBlock();
    Section current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Optional<Section> section = Section.ofHeading(line);
      if (block.music != null && section.isEmpty()) {
        block.afterCredit.add(line);
        continue;
      }
      if (section.isPresent()) {
        current = section.get();
        // After the credit line (the end of an episode) any section starts a new episode.
        if (block.sections.containsKey(current) || block.music != null) {
          throw new BlockException(
              "line "
                  + (firstLine + i)
                  + " starts another \""
                  + line.strip()
                  + "\" section under \""
                  + heading
                  + "\": the episode it belongs to has no heading line, so its title and episode"
                  + " number are missing");
        }
        block.sections.put(current, new ArrayList<>());
        block.headings.put(current, line.strip());
      } else if (MusicCreditParser.isCredit(line)) {
        block.music = MusicCreditParser.parse(line).orElseThrow();
      } else if (current == null) {
        block.unsectioned.add(line);
      } else {
        block.sections.get(current).add(line);
      }
    }
    return block;
  }

  List<String> lines(Section section) {
    return sections.getOrDefault(section, List.of());
  }

  static final class BlockException extends Exception {
    private static final long serialVersionUID = 1L;

    BlockException(String message) {
      super(message);
    }
  }
}
