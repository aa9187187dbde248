package dev.podgraph.catalog.service;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Derives a slug from a title: "Hacking The Government - Episode 210" ->
 * hacking-the-government-episode-210.
 */
final class Slugger {
  private Slugger() {}

  static String slugOf(String title) {
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.length() > 200 ? slug.substring(0, 200).replaceAll("-$", "") : slug;
  }
}
