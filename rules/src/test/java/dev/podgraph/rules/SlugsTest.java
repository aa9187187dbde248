package dev.podgraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

  @Test
  void lowerCaseWordsJoinedByHyphens() {
    assertEquals(
        "hacking-the-government-episode-210", Slugs.of("Hacking The Government - Episode 210"));
    assertEquals("glyph-lefkowitz", Slugs.of("Glyph Lefkowitz"));
    assertEquals("andy-mccurdy", Slugs.of("  Andy   McCurdy! "));
  }

  @Test
  void apostrophesVanishInsteadOfSplitting() {
    // catalog-service's old rule made "don-t-panic" and "o-reilly-media" here.
    assertEquals("dont-panic", Slugs.of("Don’t Panic!"));
    assertEquals("oreilly-media", Slugs.of("O'Reilly Media"));
    assertEquals("its-here", Slugs.of("It‘s here"));
  }

  @Test
  void accentsAndCompatibilityFormsFold() {
    assertEquals("jose-garcia", Slugs.of("José García"));
    assertEquals("dont-panic-cafe-edition", Slugs.of("Don’t Panic: Café Edition!"));
    // NFKD, not NFD: the importer's and guest-service's old rule dropped these letters.
    assertEquals("fine-python-3", Slugs.of("ﬁne Python ³"));
  }

  @Test
  void atMostTwoHundredCharactersWithoutATrailingHyphen() {
    String slug = Slugs.of("a".repeat(199) + " b" + " c".repeat(50));
    assertEquals(Slugs.MAX_LENGTH - 1, slug.length());
    assertEquals("a".repeat(199), slug);
    assertEquals(200, Slugs.of("x".repeat(300)).length());
  }

  @Test
  void everyDerivedSlugMatchesThePatternClientsAreHeldTo() {
    for (String text : new String[] {"Zoë Ångström", "--Hello--World--", "Episode 7: Ça va?"}) {
      assertTrue(Slugs.of(text).matches(Slugs.PATTERN), text);
    }
  }
}
