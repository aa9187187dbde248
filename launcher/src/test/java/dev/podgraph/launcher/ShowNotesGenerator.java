package dev.podgraph.launcher;

import dev.podgraph.importer.client.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Show notes in the seeds' format, as many as asked, with returning guests written the ways real
 * notes write them: in full, by first name with the full name in the summary, by first name alone
 * (only for people whose first name nobody else has), and with an honorific. A person's first
 * episode always names them in full. Deterministic for a given seed, so a re-import is the same
 * text; {@link #appearances()} says which episodes each person must end up on.
 */
final class ShowNotesGenerator {
  static final String HOST = "Tobias Macey";
  // Each used by exactly one person: a mention by this first name alone is unambiguous.
  private static final List<String> UNIQUE_FIRST =
      List.of(
          "Ada",
          "Grace",
          "Linus",
          "Guido",
          "Barbara",
          "Edsger",
          "Donald",
          "Frances",
          "Alan",
          "Margaret",
          "Radia",
          "Ken",
          "Dennis",
          "Bjarne",
          "Anders",
          "Yukihiro",
          "Larry",
          "Rasmus",
          "Brendan",
          "Hedy",
          "Katherine",
          "Dorothy",
          "Shafi",
          "Leslie",
          "Niklaus",
          "Sophie",
          "Tim",
          "Vint",
          "Whitfield",
          "Jean",
          "Karen",
          "Evelyn",
          "Mitchell",
          "Hal",
          "Ivan",
          "Joan",
          "Kathleen",
          "Lois",
          "Mary",
          "Ole");
  // Each used by four people: by first name alone these are ambiguous, so the notes never do it.
  private static final List<String> SHARED_FIRST =
      List.of(
          "Maria", "Lukas", "Priya", "Kenji", "Amara", "Mateo", "Elena", "Omar", "Ingrid", "Tomasz",
          "Aisha", "Pedro", "Yara", "Nils", "Chen", "Fatima", "Jonas", "Leila", "Rafael", "Sanna",
          "Ivo", "Keiko", "Bruno", "Zainab", "Emil");
  private static final List<String> SURNAMES =
      List.of(
          "Abernathy",
          "Baxendale",
          "Castellano",
          "Drummond",
          "Eriksen",
          "Fairweather",
          "Galloway",
          "Hargreaves",
          "Ishikawa",
          "Jablonski",
          "Kowalczyk",
          "Lindqvist",
          "Montgomery",
          "Nakamura",
          "Oyelaran",
          "Pemberton",
          "Quintero",
          "Rasmussen",
          "Sandoval",
          "Takahashi",
          "Underwood",
          "Vasquez",
          "Whitlock",
          "Xiong",
          "Yamamoto",
          "Zeller",
          "Ashworth",
          "Blackwood",
          "Carrington",
          "Delacroix",
          "Ellingham",
          "Fitzgerald",
          "Greenhalgh",
          "Holloway",
          "Iverson",
          "Jorgensen",
          "Kensington",
          "Lockwood",
          "Merriweather",
          "Northcott",
          "Okonkwo",
          "Prendergast",
          "Quennell",
          "Rutherford",
          "Stavros",
          "Thistlewood",
          "Umberto",
          "Vandermeer",
          "Wadsworth",
          "Yardley");
  private static final List<String> TOPICS =
      List.of(
          "Async IO",
          "Type Hints",
          "Packaging",
          "Data Pipelines",
          "Web Scraping",
          "Testing",
          "Profiling",
          "Concurrency",
          "Static Analysis",
          "Machine Learning",
          "Notebooks",
          "Serialization",
          "Caching",
          "Search Engines",
          "Compilers",
          "Embedded Systems",
          "Documentation",
          "Observability",
          "Databases",
          "Scientific Computing");
  private static final List<String> HONORIFICS = List.of("Dr.", "Prof.", "Dr");

  record Guest(String first, String last) {
    String full() {
      return first + " " + last;
    }

    String slug() {
      return (first + "-" + last).toLowerCase(Locale.ROOT);
    }
  }

  private final List<Guest> pool = new ArrayList<>();
  private final Map<String, Set<Integer>> appearances = new LinkedHashMap<>();
  private final Set<String> ambiguousFirstNames = new LinkedHashSet<>(SHARED_FIRST);

  ShowNotesGenerator() {
    int surname = 0;
    for (String first : UNIQUE_FIRST) {
      pool.add(new Guest(first, SURNAMES.get(surname++ % SURNAMES.size())));
    }
    for (int copy = 0; copy < 4; copy++) {
      for (String first : SHARED_FIRST) {
        pool.add(new Guest(first, SURNAMES.get(surname++ % SURNAMES.size())));
      }
    }
  }

  List<Guest> pool() {
    return List.copyOf(pool);
  }

  /** Which episodes each guest (by slug) is on in the documents generated so far. */
  Map<String, Set<Integer>> appearances() {
    return appearances;
  }

  boolean ambiguous(String firstName) {
    return ambiguousFirstNames.contains(firstName);
  }

  /** {@code count} documents, one episode each, numbered from {@code firstNumber}. */
  List<Source> documents(int count, int firstNumber, long seed) {
    Random random = new Random(seed);
    Set<String> introduced = new LinkedHashSet<>();
    List<Source> documents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int number = firstNumber + i;
      List<Guest> guests = new ArrayList<>();
      guests.add(pool.get(random.nextInt(pool.size())));
      if (random.nextInt(3) == 0) {
        Guest second = pool.get(random.nextInt(pool.size()));
        if (!second.equals(guests.getFirst())
            && !second.first().equals(guests.getFirst().first())) {
          guests.add(second);
        }
      }
      List<String> written = new ArrayList<>();
      List<String> inSummary = new ArrayList<>();
      for (Guest g : guests) {
        appearances.computeIfAbsent(g.slug(), s -> new LinkedHashSet<>()).add(number);
        if (introduced.add(g.slug())) {
          written.add(g.full());
          inSummary.add(g.full());
          continue;
        }
        int style = random.nextInt(4);
        if (style == 2 && ambiguous(g.first())) {
          style = 1;
        }
        switch (style) {
          case 0 -> {
            written.add(g.full());
            inSummary.add(g.full());
          }
          case 1 -> {
            written.add(g.first());
            inSummary.add(g.full());
          }
          case 2 -> {
            written.add(g.first());
            inSummary.add(g.first());
          }
          default -> {
            String honorific = HONORIFICS.get(random.nextInt(HONORIFICS.size()));
            written.add(honorific + " " + g.full());
            inSummary.add(g.full());
          }
        }
      }
      String topic = TOPICS.get(random.nextInt(TOPICS.size()));
      documents.add(
          new Source(
              String.format(Locale.ROOT, "notes-%05d.txt", number),
              episode(number, topic, written, inSummary)));
    }
    return documents;
  }

  static String episode(int number, String topic, List<String> written, List<String> inSummary) {
    String title = topic + " in the Kestrel " + number + " Codebase";
    String names = String.join(" and ", written);
    String summaryNames = String.join(" and ", inSummary);
    return "Software Architecture\n\n"
        + title
        + " - Episode "
        + number
        + "\n\nSummary\n\n"
        + topic
        + " keeps changing. In this episode "
        + summaryNames
        + " explain how the Kestrel "
        + number
        + " project approaches it, what went wrong along the way, and what they would do"
        + " differently.\n\nAnnouncements\n\n"
        + "  • Hello and welcome to Podcast.__init__, the podcast about Python and the people who"
        + " make it great.\n"
        + "  • When you’re ready to launch your next app you’ll need somewhere to deploy it, so take"
        + " a look at our friends over at Linode. Go to pythonpodcast.com/linode to get a $20"
        + " credit.\n"
        + "  • Your host as usual is "
        + HOST
        + " and today I’m interviewing "
        + names
        + " about "
        + topic.toLowerCase(Locale.ROOT)
        + " in the Kestrel "
        + number
        + " project\n\nInterview\n\n"
        + "  • Introductions\n"
        + "  • How did you get introduced to Python?\n"
        + "  • What is the Kestrel "
        + number
        + " project and how did it start?\n"
        + "    • Who uses it?\n"
        + "  • What have been the hardest parts of "
        + topic.toLowerCase(Locale.ROOT)
        + "?\n\nKeep In Touch\n\n"
        + "  • kestrel"
        + number
        + " on GitHub https://github.com/kestrel"
        + number
        + "\n\nPicks\n\n"
        + "  • Tobias\n"
        + "    • A good book https://example.org/book/"
        + number
        + "\n\nLinks\n\n"
        + "  • Kestrel https://example.org/kestrel/"
        + number
        + "\n  • Python https://www.python.org\n\n"
        + "The intro and outro music is from Requiem for a Fish The Freak Fandango Orchestra / CC"
        + " BY-SA\n";
  }
}
