package dev.podgraph.importer.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the notes say about a guest beyond the name.
 *
 * <p>Role: an appositive next to the name in the summary, either before it ("In this episode the
 * current director of engineering for the USDS, David Holmes, explains") or after it ("Jane Doe,
 * the author of X, explains"). It must start with "the", "a" or "an" followed by a lower-case word,
 * so that an ordinary clause before a comma is not taken for a role.
 *
 * <p>Projects: names the summary or the interview questions give a project, library or framework in
 * one of three shapes: "the &lt;Capitalised Words&gt; library|project|framework|package" ("the
 * Event Sourcing library", "the Twisted project"), "the &lt;dashed-name&gt; project" ("the redis-py
 * project") and "how &lt;Name&gt; was created|built|started" ("how Automat was created"). The notes
 * never say which guest built what, so every guest of the episode gets the episode's projects.
 */
final class GuestProfiler {
  private static final Pattern CAPITALISED_PROJECT =
      Pattern.compile(
          "\\b[Tt]he (?<name>\\p{Lu}[\\w.-]*(?: \\p{Lu}[\\w.-]*)*) (?:library|project|framework|package)\\b");
  private static final Pattern DASHED_PROJECT =
      Pattern.compile(
          "\\b[Tt]he (?<name>[a-z0-9]+(?:[-_.][a-z0-9]+)+) (?:library|project|framework|package)\\b");
  private static final Pattern CREATED =
      Pattern.compile(
          "\\bhow (?<name>\\p{Lu}[\\w.-]*) (?:was|is|got) (?:created|built|started|born)\\b");
  private static final Pattern SENTENCE_OR_CLAUSE_START =
      Pattern.compile("(?:[.!?]\\s+(?=\\p{Lu})|[,;:]\\s+)");
  private static final Pattern LEAD_IN =
      Pattern.compile("^(?:In this episode|In this week’s episode|This week|Today|Here)\\s*,?\\s*");
  private static final Pattern ROLE = Pattern.compile("^(?:the|a|an) \\p{Ll}.*");

  private GuestProfiler() {}

  static String role(PersonName guest, List<String> mentions, String summary) {
    for (String mention : mentions) {
      String name = Pattern.quote(mention);
      String honorific = "(?:(?:" + Honorifics.ALTERNATIVES + ")\\.?\\s+)?";
      Matcher before = Pattern.compile(",\\s+" + honorific + name + "\\b").matcher(summary);
      while (before.find()) {
        String role = roleBefore(summary.substring(0, before.start()));
        if (role != null) {
          return role;
        }
      }
      Matcher after =
          Pattern.compile("\\b" + name + ",\\s+(?<role>(?:the|a|an) \\p{Ll}[^,;]*),")
              .matcher(summary);
      if (after.find()) {
        return after.group("role").strip();
      }
    }
    return null;
  }

  private static String roleBefore(String text) {
    Matcher start = SENTENCE_OR_CLAUSE_START.matcher(text);
    int from = 0;
    while (start.find()) {
      from = start.end();
    }
    String clause = LEAD_IN.matcher(text.substring(from).strip()).replaceFirst("");
    return ROLE.matcher(clause).matches() ? clause : null;
  }

  static List<String> projects(String summary, List<InterviewPoint> interview) {
    Map<String, String> byKey = new LinkedHashMap<>();
    List<String> texts = new ArrayList<>();
    texts.add(summary);
    interview.forEach(point -> collect(point, texts));
    for (String text : texts) {
      List<Hit> hits = new ArrayList<>();
      for (Pattern p : List.of(CAPITALISED_PROJECT, DASHED_PROJECT, CREATED)) {
        Matcher m = p.matcher(text);
        while (m.find()) {
          hits.add(new Hit(m.start(), m.group("name")));
        }
      }
      hits.stream()
          .sorted(Comparator.comparingInt(Hit::at))
          .forEach(hit -> byKey.putIfAbsent(hit.name().toLowerCase(Locale.ROOT), hit.name()));
    }
    return List.copyOf(byKey.values());
  }

  private record Hit(int at, String name) {}

  private static void collect(InterviewPoint point, List<String> into) {
    into.add(point.text());
    point.followUps().forEach(child -> collect(child, into));
  }
}
