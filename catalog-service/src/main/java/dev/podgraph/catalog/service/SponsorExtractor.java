package dev.podgraph.catalog.service;

import dev.podgraph.catalog.Sponsor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds sponsors in announcement text, for inputs that do not list them. A sponsor is a link
 * ({@code host.tld/path}) whose last path segment spells a capitalised word of the same
 * announcement ({@code pythonpodcast.com/linode} + "Linode", {@code .../discoverbot} +
 * "Discover.bot"). Links to the show's own pages ({@code /chat}, {@code /conferences}) have no such
 * word and are not sponsors.
 */
public final class SponsorExtractor {
  private static final Pattern LINK =
      Pattern.compile("\\b((?:https?://)?(?:[a-z0-9-]+\\.)+[a-z]{2,}/([A-Za-z0-9_-]+))");
  private static final Pattern WORD = Pattern.compile("[A-Z][A-Za-z0-9.]*[A-Za-z0-9]");

  private SponsorExtractor() {}

  public static List<Sponsor> extract(List<String> announcements) {
    Map<String, Sponsor> found = new LinkedHashMap<>();
    for (String text : announcements) {
      Matcher link = LINK.matcher(text);
      while (link.find()) {
        String segment = letters(link.group(2));
        String name = wordSpelling(text, segment, link.start(), link.end());
        if (name != null) {
          found.putIfAbsent(segment, new Sponsor(name, withScheme(link.group(1))));
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  private static String wordSpelling(String text, String segment, int linkStart, int linkEnd) {
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      boolean insideLink = word.start() >= linkStart && word.end() <= linkEnd;
      if (!insideLink && letters(word.group()).equals(segment)) {
        return word.group();
      }
    }
    return null;
  }

  private static String letters(String s) {
    return s.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }

  static String withScheme(String url) {
    return url.startsWith("http://") || url.startsWith("https://") ? url : "https://" + url;
  }
}
