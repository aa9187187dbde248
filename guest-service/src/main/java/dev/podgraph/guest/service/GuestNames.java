package dev.podgraph.guest.service;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The search form of a name (what name search and the default order compare). It folds case and
 * strips accents, so "Zoë" finds "zoe" and the other way round. (The slug of a name follows {@link
 * dev.podgraph.rules.Slugs}, the rule the importer applies too.)
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

  private static String stripAccents(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }
}
