package dev.podgraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        SponsorExtractor.sponsors(announcements));
  }

  @Test
  void aLinkOnAnyDomainNamesASponsorNotOnlyTheShowsOwn() {
    // The importer's old rule accepted only (python)pod*.com links and found nothing here.
    assertEquals(
        List.of(
            new Sponsor("Acme", "http://example.com/acme"),
            new Sponsor("Digital Ocean", "https://do.co/digitalocean")),
        SponsorExtractor.sponsors(
            List.of(
                "Acme sponsors us: http://example.com/acme",
                "Thanks to Digital Ocean, go to do.co/digitalocean")));
  }

  @Test
  void aLinkOnAnotherDomainThatSpellsNoCapitalisedWordIsNoSponsor() {
    assertEquals(
        List.of(),
        SponsorExtractor.sponsors(
            List.of("Read the docs at docs.python.org/tutorial before you start.")));
  }

  @Test
  void keepsASchemeThatIsThereAndAddsHttpsOtherwise() {
    assertEquals("http://example.com/acme", SponsorExtractor.absolute("http://example.com/acme"));
    assertEquals(
        "https://www.podastinit.com/linode",
        SponsorExtractor.absolute("www.podastinit.com/linode"));
  }

  @Test
  void showLinksThatNameNoCapitalisedWordAreNotSponsors() {
    assertEquals(
        List.of(),
        SponsorExtractor.sponsors(
            List.of(
                "Join the community in the new Zulip chat workspace at pythonpodcast.com/chat",
                "We have partnered with O’Reilly Media. Go to pythonpodcast.com/conferences")));
  }

  @Test
  void aMultiWordSponsorNameMatchesItsLink() {
    // catalog-service's old rule matched single words only and found nothing here.
    assertEquals(
        List.of(new Sponsor("Digital Ocean", "https://pythonpodcast.com/digitalocean")),
        SponsorExtractor.sponsors(
            List.of("Thanks to Digital Ocean: go to pythonpodcast.com/digitalocean")));
  }

  @Test
  void aWordInsideTheLinkItselfDoesNotCount() {
    assertEquals(List.of(), SponsorExtractor.sponsors(List.of("See Example.com/Example now")));
  }
}
