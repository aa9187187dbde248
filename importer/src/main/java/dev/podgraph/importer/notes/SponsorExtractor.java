package dev.podgraph.importer.notes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds sponsors in announcements. The rule: an announcement names a sponsor when it carries a link
 * on one of the show's own domains ("pythonpodcast.com/linode", and the misspelt variants the old
 * notes really contain: "podastinit.com/linode", "podcatinit.com/gocd") AND the link's path is the
 * name of a capitalised word or phrase in the same announcement, compared on letters and digits
 * only ("discoverbot" = "Discover.bot", "gocd" = "GoCD"). The show's own pages
 * ("pythonpodcast.com/chat", "/conferences") name nothing capitalised and so are not sponsors. The
 * name is kept as the announcement spells it; the URL is the link as written, made absolute.
 */
final class SponsorExtractor {
  private static final Pattern SHOW_LINK =
      Pattern.compile(
          "(?:https?://)?((?:www\\.)?(?:python)?pod[a-z]*\\.com)/([A-Za-z0-9_-]+)",
          Pattern.CASE_INSENSITIVE);
  // Capitalised word, possibly with inner dots or digits ("Discover.bot", "GoCD", "O’Reilly").
  private static final Pattern CAPITALISED = Pattern.compile("\\b[A-Z][\\w’'.]*\\w");
  private static final int LONGEST_NAME_IN_WORDS = 3;

  private SponsorExtractor() {}

  static List<Sponsor> sponsors(List<String> announcements) {
    Map<String, Sponsor> byName = new LinkedHashMap<>();
    for (String announcement : announcements) {
      Matcher link = SHOW_LINK.matcher(announcement);
      while (link.find()) {
        String key = letters(link.group(2));
        String name = capitalisedPhraseMatching(announcement, key);
        if (name != null) {
          String url = "https://" + link.group(1) + "/" + link.group(2);
          byName.putIfAbsent(name, new Sponsor(name, url));
        }
      }
    }
    return List.copyOf(byName.values());
  }

  private static String capitalisedPhraseMatching(String text, String key) {
    Matcher m = CAPITALISED.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    for (int i = 0; i < spans.size(); i++) {
      for (int n = 1; n <= LONGEST_NAME_IN_WORDS && i + n <= spans.size(); n++) {
        int start = spans.get(i)[0];
        int end = spans.get(i + n - 1)[1];
        String phrase = text.substring(start, end);
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
