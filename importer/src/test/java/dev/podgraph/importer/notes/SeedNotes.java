package dev.podgraph.importer.notes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The project's copy of the seed show notes (the run command's default data). */
final class SeedNotes {
  static final String RESOURCE = "/seeds/000_2cd4391fef5e7f85.txt";

  private SeedNotes() {}

  static String text() {
    try (InputStream in = SeedNotes.class.getResourceAsStream(RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ShowNotes parsed() {
    try {
      return new ShowNotesParser().parse("seed", text());
    } catch (RejectedDocumentException e) {
      throw new AssertionError(e);
    }
  }

  static EpisodeNotes episode(int number) {
    return parsed().episodes().stream()
        .filter(e -> e.number() == number)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no episode " + number));
  }
}
