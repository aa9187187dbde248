package dev.podgraph.importer.notes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host's sentence "Your host as usual is Tobias Macey and today I’m interviewing X and Y about
 * &lt;topic&gt;": who hosts, who is interviewed (as written, honorifics stripped), and the topic.
 */
record Interviewing(PersonName host, List<PersonName> guests, String topic) {
  private static final Pattern HOST =
      Pattern.compile(
          "\\bYour host(?: as usual)? is (?<name>\\p{Lu}[\\p{L}’'.-]*(?:\\s+\\p{Lu}[\\p{L}’'.-]*)*)");
  private static final Pattern INTERVIEWING =
      Pattern.compile(
          "\\bI[’']m interviewing\\s+(?<names>.+?)(?:\\s+about\\s+(?<topic>.+?))?\\s*\\.?\\s*$");
  private static final Pattern NAME_SEPARATOR =
      Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*");

  Interviewing {
    guests = List.copyOf(guests);
  }

  /** Reads the first line that introduces the host; empty when no line does. */
  static Optional<Interviewing> find(List<String> lines) {
    PersonName host = null;
    for (String line : lines) {
      Matcher h = HOST.matcher(line);
      if (host == null && h.find()) {
        host = Honorifics.split(withoutFullStop(h.group("name")));
      }
      Matcher i = INTERVIEWING.matcher(line);
      if (i.find()) {
        return Optional.of(new Interviewing(host, names(i.group("names")), i.group("topic")));
      }
    }
    return host == null ? Optional.empty() : Optional.of(new Interviewing(host, List.of(), null));
  }

  /** "Tobias Macey." ends a sentence; "Jane Q." keeps the dot of its initial. */
  private static String withoutFullStop(String name) {
    return name.matches(".*\\p{L}{2}\\.$") ? name.substring(0, name.length() - 1) : name;
  }

  /** "A, B and Dr. C" -> [A, B, C (Dr.)]. */
  static List<PersonName> names(String joined) {
    return Arrays.stream(NAME_SEPARATOR.split(joined.strip()))
        .filter(s -> !s.isBlank())
        .map(Honorifics::split)
        .toList();
  }
}
