package dev.podgraph.importer.client;

/** One episode of show notes with the given guests, for tests about people. */
final class PeopleNotes {
  private PeopleNotes() {}

  static String of(int number, String title, String summary, String interviewing) {
    return title
        + " - Episode "
        + number
        + "\n\nSummary\n\n"
        + summary
        + "\n\nAnnouncements\n\n  • Your host as usual is Tobias Macey and today I’m interviewing "
        + interviewing
        + "\n\nInterview\n\n  • Introductions\n";
  }
}
