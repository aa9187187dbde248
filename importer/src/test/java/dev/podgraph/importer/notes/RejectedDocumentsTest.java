package dev.podgraph.importer.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RejectedDocumentsTest {
  private final ShowNotesParser parser = new ShowNotesParser();

  private RejectedDocumentException rejected(String document, String text) {
    return assertThrows(RejectedDocumentException.class, () -> parser.parse(document, text));
  }

  @Test
  void rejectsProseThatIsNotShowNotes() {
    RejectedDocumentException e =
        rejected("groceries.txt", "Milk\nEggs\nRemember to call the plumber on Tuesday.\n");
    assertEquals("groceries.txt", e.document());
    assertTrue(e.reason().startsWith("not show notes"), e.reason());
    assertTrue(e.getMessage().startsWith("groceries.txt: not show notes"), e.getMessage());
  }

  @Test
  void rejectsAnEmptyDocument() {
    assertTrue(rejected("empty.txt", "").reason().startsWith("not show notes"));
  }

  @Test
  void rejectsSectionsWithoutAHeadingForMissingTitleAndNumber() {
    String text = "Summary\n\nSomething about Python.\n\nInterview\n\n  • Introductions\n";
    RejectedDocumentException e = rejected("headless.txt", text);
    assertTrue(e.reason().contains("title and episode number are missing"), e.reason());
  }

  @Test
  void rejectsAHeadingWithoutAnEpisodeNumber() {
    String text = "Event Sourcing with John Bywater - Episode\n\nSummary\n\nText.\n";
    RejectedDocumentException e = rejected("nonumber.txt", text);
    assertEquals(
        "the episode heading on line 1 (\"Event Sourcing with John Bywater\") has no episode number",
        e.reason());
  }

  @Test
  void rejectsAHeadingWhoseNumberIsNotANumber() {
    String text = "Event Sourcing - Episode one-thirty-one\n\nSummary\n\nText.\n";
    assertTrue(rejected("words.txt", text).reason().contains("has no episode number"));
  }

  @Test
  void rejectsAHeadingWithoutATitle() {
    String text = "Software Architecture\n\n - Episode 131\n\nSummary\n\nText.\n";
    assertEquals(
        "the episode heading on line 3 has no title", rejected("notitle.txt", text).reason());
  }

  @Test
  void rejectsTheWholeFileWhenOneOfItsEpisodesLostItsHeading() {
    String seed = SeedNotes.text();
    String broken = seed.replace("Event Sourcing with John Bywater - Episode 131\n", "");
    RejectedDocumentException e = rejected("seed-without-131-heading.txt", broken);
    assertTrue(e.reason().contains("starts another \"Summary\" section"), e.reason());
    assertTrue(e.reason().contains("title and episode"), e.reason());
  }

  @Test
  void rejectsTheSameEpisodeNumberTwice() {
    String text = "A - Episode 7\n\nSummary\n\nx\n\nB - Episode 7\n\nSummary\n\ny\n";
    assertTrue(rejected("twice.txt", text).reason().contains("episode number 7 appears twice"));
  }

  @Test
  void rejectsAHeadingFollowedByNoSections() {
    String text = "Chapter one - Episode 3\n\nIt was a dark and stormy night.\n";
    assertTrue(
        rejected("story.txt", text).reason().contains("has none of the show-notes sections"));
  }
}
