package dev.podgraph.importer.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The format rules on inputs the seed does not contain. */
class FormatRulesTest {

  @Test
  void honorificsAreStrippedAndKept() {
    assertEquals(
        new PersonName("Ada Lovelace", "Prof.", "ada-lovelace"),
        Honorifics.split("Prof. Ada Lovelace"));
    assertEquals(new PersonName("Drew Brown", null, "drew-brown"), Honorifics.split("Drew Brown"));
  }

  @Test
  void severalGuestsAreJoinedByCommasAndAnd() {
    assertEquals(
        List.of("Ann Lee", "Bob Stone", "Cy Young"),
        Interviewing.names("Ann Lee, Bob Stone, and Dr. Cy Young").stream()
            .map(PersonName::name)
            .toList());
  }

  @Test
  void aFirstNameMentionTakesTheFullNameFromTheTitleAndTheOrderFromTheSentence() {
    List<PersonName> guests =
        GuestFinder.guests(
            "Packaging with Ann Lee and Bob Stone",
            Interviewing.names("Bob and Ann"),
            "This week Dr. Bob Stone and Ann explain packaging.");
    assertEquals(
        List.of(PersonName.of("Bob Stone", "Dr."), PersonName.of("Ann Lee", null)), guests);
  }

  @Test
  void aTitleGuestMissingFromTheSentenceIsAddedOnlyIfItReadsLikeAName() {
    assertEquals(
        List.of(PersonName.of("Ann Lee", null)),
        GuestFinder.guests("Talking Tests with Ann Lee", List.of(), ""));
    assertEquals(
        List.of(), GuestFinder.guests("Hacking The Government With The USDS", List.of(), ""));
  }

  @Test
  void theHostSentenceWithoutAnInterviewStillNamesTheHost() {
    Interviewing i = Interviewing.find(List.of("Your host is Tobias Macey.")).orElseThrow();
    assertEquals(PersonName.of("Tobias Macey", null), i.host());
    assertEquals(List.of(), i.guests());
  }

  @Test
  void aRoleAfterTheNameIsFound() {
    assertEquals(
        "the author of Hypothesis",
        GuestProfiler.role(
            PersonName.of("Ann Lee", null),
            List.of("Ann Lee"),
            "This week Ann Lee, the author of Hypothesis, explains property testing."));
  }

  @Test
  void aClauseBeforeTheNameIsNotARole() {
    assertNull(
        GuestProfiler.role(
            PersonName.of("Ann Lee", null),
            List.of("Ann Lee"),
            "Testing is hard, Ann Lee says, but worth it."));
  }

  @Test
  void musicCreditSplitsAtByAndKeepsTheWholeTextWhenAmbiguous() {
    assertEquals(
        new MusicCredit("Song by Band / CC BY", "Song", "Band", "CC BY"),
        MusicCreditParser.parse("The intro and outro music is from Song by Band / CC BY")
            .orElseThrow());
    assertEquals(
        new MusicCredit("Song The One The Band / CC0", null, null, "CC0"),
        MusicCreditParser.parse("The intro and outro music is from Song The One The Band / CC0")
            .orElseThrow());
  }

  @Test
  void nestedBulletsFollowTheirIndentation() {
    List<InterviewPoint> tree =
        Bullets.tree(List.of("  • Q1", "    • F1", "      • FF1", "    • F2", "  • Q2"));
    assertEquals(
        List.of(
            new InterviewPoint(
                "Q1",
                List.of(
                    new InterviewPoint("F1", List.of(new InterviewPoint("FF1", List.of()))),
                    new InterviewPoint("F2", List.of()))),
            new InterviewPoint("Q2", List.of())),
        tree);
  }

  @Test
  void aOneWordGuestIsResolvedFromAnotherEpisode() throws Exception {
    String text =
        "Automat with Glyph Lefkowitz - Episode 1\n\nSummary\n\nx\n\nAnnouncements\n\n"
            + "  • Your host as usual is Tobias Macey and today I’m interviewing Glyph about Automat\n\n"
            + "Twisted Again - Episode 2\n\nSummary\n\ny\n\nAnnouncements\n\n"
            + "  • Your host as usual is Tobias Macey and today I’m interviewing Glyph about Twisted\n";
    ShowNotes notes = new ShowNotesParser().parse("two.txt", text);
    assertEquals("Glyph", notes.episodes().get(1).guests().getFirst().person().name());
    People people = People.of(notes.episodes());
    Person glyph = people.person(notes.episodes().get(1).guests().getFirst().person());
    assertEquals("glyph-lefkowitz", glyph.slug());
    assertEquals(List.of(1, 2), glyph.guested());
  }

  @Test
  void windowsLineEndingsAByteOrderMarkAndTabsReadLikeTheSeed() throws Exception {
    String text =
        "\uFEFFTesting\r\n\r\nPytest with Ann Lee - Episode 9\r\n\r\nSummary\r\n\r\nAbout tests.\r\n"
            + "\r\nInterview\r\n\r\n\t• Why?\r\n\t\t• Really?\r\n";
    EpisodeNotes e = new ShowNotesParser().parse("crlf.txt", text).episodes().getFirst();
    assertEquals("Testing", e.category());
    assertEquals("Pytest with Ann Lee", e.title());
    assertEquals("About tests.", e.summary());
    assertEquals(
        List.of(new InterviewPoint("Why?", List.of(new InterviewPoint("Really?", List.of())))),
        e.interview());
    assertEquals(List.of("Ann Lee"), e.guests().stream().map(g -> g.person().name()).toList());
  }
}
