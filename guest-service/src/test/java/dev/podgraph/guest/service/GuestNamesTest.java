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
}
