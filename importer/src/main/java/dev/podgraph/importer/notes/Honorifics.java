package dev.podgraph.importer.notes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Titles written before a name; the person is the name without it, the title is kept aside. */
final class Honorifics {
  static final String ALTERNATIVES = "Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame";
  private static final Pattern LEADING =
      Pattern.compile("^(?<honorific>(?:" + ALTERNATIVES + ")\\.?)\\s+(?<name>.+)$");

  private Honorifics() {}

  /** "Dr. Christoph Zimmerman" -> name "Christoph Zimmerman", honorific "Dr.". */
  static PersonName split(String written) {
    String text = written.strip();
    Matcher m = LEADING.matcher(text);
    if (m.matches()) {
      return PersonName.of(m.group("name").strip(), m.group("honorific"));
    }
    return PersonName.of(text, null);
  }

  /** The honorific written right before {@code name} anywhere in {@code text}, or null. */
  static String writtenBefore(String name, String text) {
    Matcher m =
        Pattern.compile("\\b((?:" + ALTERNATIVES + ")\\.?)\\s+" + Pattern.quote(name) + "\\b")
            .matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
