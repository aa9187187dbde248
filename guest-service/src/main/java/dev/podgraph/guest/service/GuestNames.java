package dev.podgraph.guest.service;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The two derived forms of a name: the search form (what name search and the default order compare)
 * and the slug. Both fold case and strip accents, so "Zoë" finds "zoe" and the other way round; the
 * slug follows the importer's rule so that re-imports find the same record.
 */
public final class GuestNames {
  private GuestNames() {}

  /** "Dr. Christoph Zímmerman" -> "dr. christoph zimmerman". */
  public static String searchForm(String text) {
    return stripAccents(text).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
  }

  /** The words of a search query in search form; empty for a blank query. */
  public static List<String> searchWords(String query) {
    String folded = searchForm(query);
    return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
  }

  /** "Glyph Lefkowitz" -> "glyph-lefkowitz"; apostrophes vanish instead of splitting. */
  public static String slug(String text) {
    String ascii = stripAccents(text).replaceAll("['’‘]", "").toLowerCase(Locale.ROOT);
    return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  private static String stripAccents(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }
}
