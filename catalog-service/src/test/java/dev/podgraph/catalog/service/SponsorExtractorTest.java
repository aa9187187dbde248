package dev.podgraph.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.catalog.Sponsor;
import java.util.List;
import org.junit.jupiter.api.Test;

class SponsorExtractorTest {

  @Test
  void findsTheSponsorsOfTheSeedAnnouncementsAndSkipsTheShowsOwnPages() {
    List<String> announcements =
        List.of(
            "Check out Linode at podastinit.com/linode and get a $20 credit.",
            "If you're tired of cobbling together your deployment pipeline then try out GoCD. To"
                + " download it now go to podcatinit.com/gocd.",
            "Clubhouse lets you craft a workflow. Go to pythonpodcast.com/clubhouse today.",
            "We have partnered with O'Reilly Media. Go to pythonpodcast.com/conferences to learn"
                + " more.",
            "Join the community in the new Zulip chat workspace at pythonpodcast.com/chat",
            "Go to pythonpodcast.com/linode again: Linode is only listed once.");
    assertEquals(
        List.of(
            new Sponsor("Linode", "https://podastinit.com/linode"),
            new Sponsor("GoCD", "https://podcatinit.com/gocd"),
            new Sponsor("Clubhouse", "https://pythonpodcast.com/clubhouse")),
        SponsorExtractor.extract(announcements));
  }

  @Test
  void keepsASchemeThatIsThere() {
    assertEquals(
        List.of(new Sponsor("Acme", "http://example.com/acme")),
        SponsorExtractor.extract(List.of("Acme sponsors us: http://example.com/acme")));
  }
}
