package dev.podgraph.guest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuestNamesTest {
  @Test
  void foldsCaseAccentsAndSpacesForSearch() {
    assertEquals("zoe angstrom", GuestNames.searchForm("  Zoë   ÅNGSTRÖM "));
    assertEquals(List.of("dr.", "zimmerman"), GuestNames.searchWords("Dr.  ZIMMERMAN"));
    assertEquals(List.of(), GuestNames.searchWords("   "));
  }

  @Test
  void makesTheSameSlugsAsTheImporter() {
    assertEquals("glyph-lefkowitz", GuestNames.slug("Glyph Lefkowitz"));
    assertEquals("andy-mccurdy", GuestNames.slug("Andy McCurdy"));
    assertEquals("dont-panic", GuestNames.slug("Don’t Panic!"));
    assertEquals("jose-garcia", GuestNames.slug("José García"));
  }
}
