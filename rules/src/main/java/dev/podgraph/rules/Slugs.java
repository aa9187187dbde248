package dev.podgraph.rules;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one slug rule of Podgraph, for episode slugs (catalog-service derives one from the title when
 * the input has none), guest slugs (guest-service, from the name) and the importer (which sends
 * both): lower-case ASCII letters and digits in words joined by single {@code -}.
 *
 * <ol>
 *   <li>Unicode NFKD, then combining marks removed: "Café" → "cafe", and compatibility forms fold
 *       too ("ﬁ" → "fi", "²" → "2").
 *   <li>Apostrophes (' ’ ‘) vanish instead of splitting a word: "Don’t" → "dont", "O'Reilly" →
 *       "oreilly".
 *   <li>Every other run of characters outside {@code [a-z0-9]} becomes one {@code -}; none leads or
 *       trails.
 *   <li>At most {@value #MAX_LENGTH} characters, cut without a trailing {@code -}.
 * </ol>
 *
 * A slug that a client sends must match {@link #PATTERN}.
 */
public final class Slugs {
  /** What a valid slug looks like: lower-case words joined by single hyphens. */
  public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

  /** The longest slug: the services' inputs accept no longer one. */
  public static final int MAX_LENGTH = 200;

  private Slugs() {}

  /** The slug of a title or name, e.g. "Don’t Panic: Café Edition!" → "dont-panic-cafe-edition". */
  public static String of(String text) {
    String ascii =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .replaceAll("['’‘]", "")
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH).replaceAll("-+$", "") : slug;
  }
}
