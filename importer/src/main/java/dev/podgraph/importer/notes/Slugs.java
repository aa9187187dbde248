package dev.podgraph.importer.notes;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs: lower case ASCII words joined by '-'; apostrophes vanish instead of splitting. */
public final class Slugs {
  private Slugs() {}

  public static String of(String text) {
    String ascii =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            // "don’t" -> "dont", not "don-t"
            .replaceAll("['’‘]", "")
            .toLowerCase(Locale.ROOT);
    return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }
}
