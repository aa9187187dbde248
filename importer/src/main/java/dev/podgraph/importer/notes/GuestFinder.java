package dev.podgraph.importer.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reconciles the guests of one episode from the two places that name them: the "I’m interviewing …"
 * sentence and a title ending in "with &lt;names&gt;". The sentence decides who (and in which
 * order); the title supplies full names for first-name or surname mentions ("Glyph" -> "Glyph
 * Lefkowitz"). A title name the sentence does not mention is added only if it reads like a person's
 * name, so "Hacking The Government With The USDS" adds no guest "The USDS".
 */
final class GuestFinder {
  private static final Pattern TITLE_WITH = Pattern.compile("\\s[Ww]ith\\s+(?<names>.+)$");
  private static final Set<String> NOT_A_FIRST_NAME = Set.of("the", "a", "an", "our", "your");

  private GuestFinder() {}

  static List<PersonName> guests(String title, List<PersonName> interviewed, String context) {
    List<PersonName> fromTitle = titleNames(title);
    List<PersonName> guests = new ArrayList<>();
    List<PersonName> unused = new ArrayList<>(fromTitle);
    for (PersonName mention : interviewed) {
      PersonName full =
          unused.stream()
              .filter(t -> sameOrPartOf(mention.name(), t.name()))
              .findFirst()
              .orElse(null);
      if (full != null) {
        unused.remove(full);
      }
      String name = full != null ? full.name() : mention.name();
      String honorific = firstNonNull(mention.honorific(), full == null ? null : full.honorific());
      guests.add(PersonName.of(name, honorific));
    }
    unused.stream().filter(t -> readsLikeAPerson(t.name())).forEach(guests::add);
    return guests.stream().map(g -> withHonorificFrom(g, context)).distinct().toList();
  }

  private static List<PersonName> titleNames(String title) {
    Matcher m = TITLE_WITH.matcher(title);
    return m.find() ? Interviewing.names(m.group("names")) : List.of();
  }

  /** "Glyph" is part of "Glyph Lefkowitz"; so is "Lefkowitz"; "Glyph L" is not. */
  private static boolean sameOrPartOf(String mention, String full) {
    String m = mention.toLowerCase(Locale.ROOT);
    String f = full.toLowerCase(Locale.ROOT);
    return f.equals(m) || f.startsWith(m + " ") || f.endsWith(" " + m);
  }

  private static boolean readsLikeAPerson(String name) {
    String[] words = name.split("\\s+");
    if (words.length < 2 || words.length > 4) {
      return false;
    }
    if (NOT_A_FIRST_NAME.contains(words[0].toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (String word : words) {
      boolean capitalised = Character.isUpperCase(word.codePointAt(0));
      boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
      if (!capitalised || acronym) {
        return false;
      }
    }
    return true;
  }

  private static PersonName withHonorificFrom(PersonName guest, String context) {
    if (guest.honorific() != null) {
      return guest;
    }
    String honorific = Honorifics.writtenBefore(guest.name(), context);
    return honorific == null ? guest : PersonName.of(guest.name(), honorific);
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
