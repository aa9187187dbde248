package dev.podgraph.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one sponsor rule of Podgraph, applied by the importer to show notes and by catalog-service to
 * an episode input that lists no sponsors.
 *
 * <p>An announcement names a sponsor when it carries a link ({@code host.tld/path}, on <em>any</em>
 * domain) whose first path segment spells, on letters and digits only, a capitalised word or phrase
 * of up to three words of the same announcement outside the link: "pythonpodcast.com/linode" +
 * "Linode", ".../discoverbot" + "Discover.bot", ".../gocd" + "GoCD", ".../digitalocean" + "Digital
 * Ocean". Links to a show's own pages ("/chat", "/conferences") name nothing capitalised and so are
 * not sponsors. The name is kept as the announcement spells it, the URL as the link is written,
 * made absolute ({@code https://} unless it has a scheme); a sponsor named twice is listed once.
 *
 * <p>Any domain, not only the show's: the importer used to accept only the seed podcast's own
 * domains ({@code (python)pod*.com}, misspellings included) while catalog-service accepted any;
 * catalog-service serves any show and knows no show domain, so the rule that holds for every show
 * is the one kept.
 */
public final class SponsorExtractor {
  private static final Pattern LINK =
      Pattern.compile("\\b((?:https?://)?(?:[a-z0-9-]+\\.)+[a-z]{2,}/([A-Za-z0-9_-]+))");
  // Capitalised word, possibly with inner dots, digits or apostrophes ("Discover.bot", "GoCD").
  private static final Pattern CAPITALISED = Pattern.compile("\\b[A-Z][\\w’'.]*\\w");
  private static final int LONGEST_NAME_IN_WORDS = 3;

  private SponsorExtractor() {}

  /** The sponsors the announcements name, in order of first mention. */
  public static List<Sponsor> sponsors(List<String> announcements) {
    Map<String, Sponsor> byName = new LinkedHashMap<>();
    for (String announcement : announcements) {
      Matcher link = LINK.matcher(announcement);
      while (link.find()) {
        String key = letters(link.group(2));
        String name = phraseSpelling(announcement, key, link.start(), link.end());
        if (name != null) {
          byName.putIfAbsent(name, new Sponsor(name, absolute(link.group(1))));
        }
      }
    }
    return List.copyOf(byName.values());
  }

  /** A link as written, made absolute: {@code https://} in front unless it has a scheme. */
  public static String absolute(String url) {
    return url.startsWith("http://") || url.startsWith("https://") ? url : "https://" + url;
  }

  private static String phraseSpelling(String text, String key, int linkStart, int linkEnd) {
    Matcher m = CAPITALISED.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      boolean insideLink = m.start() >= linkStart && m.end() <= linkEnd;
      if (!insideLink) {
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    for (int i = 0; i < spans.size(); i++) {
      for (int n = 1; n <= LONGEST_NAME_IN_WORDS && i + n <= spans.size(); n++) {
        String phrase = text.substring(spans.get(i)[0], spans.get(i + n - 1)[1]);
        if (n > 1 && !phrase.matches("[\\w’'. ]+")) {
          break; // a multi-word name does not span punctuation
        }
        if (letters(phrase).equals(key)) {
          return phrase;
        }
      }
    }
    return null;
  }

  private static String letters(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
