package dev.podgraph.importer.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Recognising people named in new notes among those the catalog already holds. */
class PeopleAcrossTheCatalogTest {
  private static final People.Known ADA =
      new People.Known("ada-lovelace", "Ada Lovelace", null, List.of("Analytical Engine"));
  private static final People.Known ADA_BYRON =
      new People.Known("ada-byron", "Ada Byron", null, List.of("Difference Engine"));
  private static final People.Known ANDREW =
      new People.Known("andrew-godwin", "Andrew Godwin", null, List.of());
  private static final People.Known CHRISTOPH =
      new People.Known("christoph-zimmerman", "Christoph Zimmerman", "Dr.", List.of("redis-py"));
  private static final People.Known TOBIAS =
      new People.Known("tobias-macey", "Tobias Macey", null, List.of());

  static String notes(int number, String title, String summary, String interviewing) {
    return title
        + " - Episode "
        + number
        + "\n\nSummary\n\n"
        + summary
        + "\n\nAnnouncements\n\n  • Your host as usual is Tobias Macey and today I’m interviewing "
        + interviewing
        + "\n\nInterview\n\n  • Introductions\n";
  }

  private static EpisodeNotes episode(String text) throws RejectedDocumentException {
    return new ShowNotesParser().parse("new.txt", text).episodes().getFirst();
  }

  private static People.Decision guestDecision(People people, EpisodeNotes e) {
    return people.decisions(e).stream().filter(d -> d.role().equals("guest")).findFirst().get();
  }

  @Test
  void aReturningGuestNamedByFirstNameOnlyIsTheCatalogsOnlyAda() throws Exception {
    EpisodeNotes e =
        episode(notes(300, "Compilers Again", "We talk about compilers.", "Ada about compilers"));
    People people = People.of(List.of(e), List.of(ADA, TOBIAS, ANDREW));

    assertEquals("ada-lovelace", people.person(e, e.guests().getFirst().person()).slug());
    assertEquals("Ada Lovelace", people.person(e, e.guests().getFirst().person()).name());
    assertEquals(
        "#300 guest \"Ada\" -> Ada Lovelace (ada-lovelace): first or last name of the only known"
            + " person it fits (in the catalog)",
        guestDecision(people, e).line());
    assertEquals(
        "first or last name of the only known person it fits (in the catalog)",
        guestDecision(people, e).rule());
    assertTrue(people.refusal(e).isEmpty());
  }

  @Test
  void aFirstNameCompletedByTheSummaryIsThatFullName() throws Exception {
    EpisodeNotes e =
        episode(
            notes(
                301,
                "Engines",
                "In this episode Ada Lovelace explains the engine.",
                "Ada about engines"));
    // Two Adas in the catalog: the summary's full name decides.
    People people = People.of(List.of(e), List.of(ADA, ADA_BYRON, TOBIAS));

    assertEquals("ada-lovelace", people.person(e, e.guests().getFirst().person()).slug());
    assertTrue(guestDecision(people, e).rule().startsWith("completed to Ada Lovelace by the"));
  }

  @Test
  void twoKnownPeopleWithThatFirstNameAndNoHintRefuseTheEpisode() throws Exception {
    EpisodeNotes e =
        episode(notes(302, "Engines", "We talk about machines.", "Ada about machines"));
    People people = People.of(List.of(e), List.of(ADA, ADA_BYRON, TOBIAS));

    String reason = people.refusal(e).orElseThrow();
    assertTrue(reason.startsWith("episode 302: \"Ada\" could be "), reason);
    assertTrue(reason.contains("Ada Lovelace (ada-lovelace, in the catalog)"), reason);
    assertTrue(reason.contains("Ada Byron (ada-byron, in the catalog)"), reason);
    assertTrue(people.decisions(e).isEmpty());
    assertTrue(people.all().isEmpty(), "nothing of a refused episode counts");
  }

  @Test
  void aSurnameOrProjectTheNotesMentionPicksOneOfTwo() throws Exception {
    EpisodeNotes e =
        episode(
            notes(
                303,
                "Engines",
                "How the Difference Engine was built, and why it matters.",
                "Ada about it"));
    People people = People.of(List.of(e), List.of(ADA, ADA_BYRON, TOBIAS));

    assertEquals("ada-byron", people.person(e, e.guests().getFirst().person()).slug());
  }

  @Test
  void honorificsNeverMakeASecondPerson() throws Exception {
    for (String written :
        List.of(
            "Dr. Ada Lovelace", "Dr Ada Lovelace", "Prof. Lovelace", "Dr. Ada", "Ms Lovelace")) {
      EpisodeNotes e = episode(notes(304, "Engines", "Engines.", written + " about engines"));
      People people = People.of(List.of(e), List.of(ADA, TOBIAS));
      Person guest = people.person(e, e.guests().getFirst().person());
      assertEquals("ada-lovelace", guest.slug(), written);
      assertEquals("Ada Lovelace", guest.name(), written);
      assertEquals(1, people.all().size() - 1, written + ": one guest besides the host");
    }
  }

  @Test
  void nicknamesAndShortFormsFindTheFullFirstName() throws Exception {
    EpisodeNotes andy = episode(notes(305, "Django", "Channels.", "Andy about Channels"));
    EpisodeNotes chris = episode(notes(306, "Redis", "Caching.", "Chris about caching"));
    People people = People.of(List.of(andy, chris), List.of(ANDREW, CHRISTOPH, TOBIAS));

    assertEquals("andrew-godwin", people.person(andy, andy.guests().getFirst().person()).slug());
    assertEquals(
        "christoph-zimmerman", people.person(chris, chris.guests().getFirst().person()).slug());
    assertTrue(guestDecision(people, andy).rule().startsWith("short form of the first name"));
    // The catalog's honorific is kept, not cleared, when the notes give none.
    assertEquals("Dr.", people.person(chris, chris.guests().getFirst().person()).honorific());
  }

  @Test
  void anUnknownFirstNameIsANewPersonAndSaysSo() throws Exception {
    EpisodeNotes e = episode(notes(307, "Pets", "Cats.", "Zed about cats"));
    People people = People.of(List.of(e), List.of(ADA, TOBIAS));

    assertEquals("zed", people.person(e, e.guests().getFirst().person()).slug());
    assertEquals("no known person is called Zed: a new person", guestDecision(people, e).rule());
  }

  @Test
  void aFullNameNamedInAnotherDocumentOfTheBatchCountsAsKnown() throws Exception {
    EpisodeNotes first =
        episode(notes(310, "Graphs with Grace Hopper", "Graphs.", "Grace Hopper about graphs"));
    EpisodeNotes again = episode(notes(311, "Compilers", "Compilers.", "Grace about compilers"));
    People people = People.of(List.of(again, first), List.of(TOBIAS));

    assertEquals("grace-hopper", people.person(again, again.guests().getFirst().person()).slug());
    assertEquals(
        List.of(310, 311), people.person(first, first.guests().getFirst().person()).guested());
  }
}
