package dev.podgraph.importer.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.rules.Sponsor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every field of every seed episode, checked against what the seed text says. */
class SeedEpisodesTest {
  private static final String HELLO =
      "Hello and welcome to Podcast.__init__, the podcast about Python and the people who make it"
          + " great.";
  private static final MusicCredit REQUIEM =
      new MusicCredit(
          "Requiem for a Fish The Freak Fandango Orchestra / CC BY-SA",
          "Requiem for a Fish",
          "The Freak Fandango Orchestra",
          "CC BY-SA");

  @Test
  void readsTheFourEpisodesInFileOrderUnderTheirCategory() {
    ShowNotes notes = SeedNotes.parsed();
    assertEquals(
        List.of(210, 201, 131, 116), notes.episodes().stream().map(EpisodeNotes::number).toList());
    notes.episodes().forEach(e -> assertEquals("Software Architecture", e.category()));
    notes.episodes().forEach(e -> assertEquals(PersonName.of("Tobias Macey", null), e.host()));
    notes.episodes().forEach(e -> assertEquals(REQUIEM, e.music()));
    notes.episodes().forEach(e -> assertEquals(List.of(), e.keepInTouch()));
    notes.episodes().forEach(e -> assertEquals(List.of(), e.picks()));
    notes.episodes().forEach(e -> assertEquals(List.of(), e.links()));
    notes.episodes().forEach(e -> assertEquals(HELLO, e.announcements().getFirst()));
  }

  @Test
  void episode210HackingTheGovernment() {
    EpisodeNotes e = SeedNotes.episode(210);
    assertEquals("Hacking The Government With The USDS", e.title());
    assertEquals("hacking-the-government-with-the-usds", e.slug());
    assertTrue(
        e.summary().startsWith("The U.S. government has a vast quantity of software projects"));
    assertTrue(e.summary().contains("Even if you don’t live in the U.S.A. this conversation"));
    assertTrue(e.summary().endsWith("how to improve government services for everyone."));
    assertEquals("Announcements", e.announcementsHeading());
    assertEquals(8, e.announcements().size());
    assertEquals(
        "Join the community in the new Zulip chat workspace at pythonpodcast.com/chat",
        e.announcements().get(6));
    assertEquals(
        List.of(
            new Sponsor("Linode", "https://pythonpodcast.com/linode"),
            new Sponsor("Discover.bot", "https://pythonpodcast.com/discoverbot")),
        e.sponsors());
    assertEquals(
        List.of(
            new GuestNotes(
                PersonName.of("David Holmes", null),
                "the current director of engineering for the USDS",
                List.of())),
        e.guests());
    assertEquals("david-holmes", e.guests().getFirst().person().slug());
    assertEquals("his work at the US Digital Services organization", e.topic());

    assertEquals(8, e.interview().size());
    assertEquals("Introductions", e.interview().getFirst().text());
    InterviewPoint tours = e.interview().get(3);
    assertEquals(
        "The terminology that is used around \"Tours of Service\" is interesting. Can you explain"
            + " what that entails?",
        tours.text());
    assertEquals(
        List.of("relocation", "what if you have a house and career?"),
        tours.followUps().stream().map(InterviewPoint::text).toList());
    InterviewPoint model = e.interview().get(4);
    assertEquals("Can you explain the model of how the USDS works?", model.text());
    assertEquals(2, model.followUps().size());
    assertEquals(
        "What is involved in staffing a new project?", model.followUps().getFirst().text());
    assertEquals(
        "What are some projects that you hope to be asked to work on?",
        e.interview().getLast().text());
  }

  @Test
  void episode201RedisWithTwoGuestsOneADoctor() {
    EpisodeNotes e = SeedNotes.episode(201);
    assertEquals("How To Include Redis In Your Application Architecture", e.title());
    assertEquals("how-to-include-redis-in-your-application-architecture", e.slug());
    assertTrue(e.summary().startsWith("The Redis database recently celebrated its 10th birthday."));
    assertTrue(e.summary().endsWith("and how to use it in your projects."));
    assertEquals(8, e.announcements().size());
    assertTrue(
        e.announcements().get(2).startsWith("And to keep track of how your team is progressing"));
    assertEquals(
        List.of(
            new Sponsor("Linode", "https://pythonpodcast.com/linode"),
            new Sponsor("Clubhouse", "https://pythonpodcast.com/clubhouse")),
        e.sponsors());
    assertEquals(
        List.of(
            new GuestNotes(PersonName.of("Andy McCurdy", null), null, List.of("redis-py")),
            new GuestNotes(PersonName.of("Christoph Zimmerman", "Dr."), null, List.of("redis-py"))),
        e.guests());
    assertEquals("christoph-zimmerman", e.guests().get(1).person().slug());
    assertEquals(
        "the Redis database, and some of the various ways that it is used by Python developers",
        e.topic());

    assertEquals(13, e.interview().size());
    InterviewPoint implemented = e.interview().get(5);
    assertTrue(implemented.text().startsWith("Can you describe how Redis-py is implemented"));
    assertEquals(3, implemented.followUps().size());
    assertEquals(
        "How closely does redis-py match the features of the Redis database?",
        implemented.followUps().get(1).text());
    InterviewPoint cache = e.interview().get(6);
    assertTrue(cache.text().startsWith("Redis is often used as a key/value cache"));
    assertEquals(
        List.of("What are some edge cases or gotchas that users should be aware of?"),
        cache.followUps().stream().map(InterviewPoint::text).toList());
  }

  @Test
  void episode131EventSourcingWithAPreface() {
    EpisodeNotes e = SeedNotes.episode(131);
    assertEquals("Event Sourcing with John Bywater", e.title());
    assertEquals("event-sourcing-with-john-bywater", e.slug());
    assertTrue(e.summary().startsWith("The way that your application handles data and the way"));
    assertTrue(e.summary().contains("database don’t always match"));
    assertTrue(e.summary().endsWith("the way that you think about your data."));
    // "Preface" is the older name of the announcements.
    assertEquals("Preface", e.announcementsHeading());
    assertEquals(7, e.announcements().size());
    assertEquals(
        "I would like to thank everyone who supports the show on Patreon. Your contributions help to"
            + " make the show sustainable.",
        e.announcements().get(1));
    // The seed really spells these domains "podastinit" and "podcatinit".
    assertEquals(
        List.of(
            new Sponsor("Linode", "https://podastinit.com/linode"),
            new Sponsor("GoCD", "https://podcatinit.com/gocd")),
        e.sponsors());
    assertEquals(
        List.of(
            new GuestNotes(PersonName.of("John Bywater", null), null, List.of("Event Sourcing"))),
        e.guests());
    assertEquals(
        "event sourcing, an architectural approach to make your data layer easier to scale and"
            + " maintain",
        e.topic());
    assertEquals(13, e.interview().size());
    e.interview().forEach(q -> assertEquals(List.of(), q.followUps()));
    assertEquals(
        "What are some of the features or improvements that you have planned for the future of you"
            + " event sourcing library?",
        e.interview().getLast().text());
  }

  @Test
  void episode116AutomatResolvesGlyphFromTheTitle() {
    EpisodeNotes e = SeedNotes.episode(116);
    assertEquals("Automat State Machines with Glyph Lefkowitz", e.title());
    assertEquals("automat-state-machines-with-glyph-lefkowitz", e.slug());
    assertTrue(e.summary().startsWith("The venerable ‘if’ statement is a cornerstone"));
    assertTrue(e.summary().endsWith("to upgrade portions of the Twisted project."));
    assertEquals("Preface", e.announcementsHeading());
    assertEquals(6, e.announcements().size());
    assertEquals(List.of(new Sponsor("Linode", "https://www.podastinit.com/linode")), e.sponsors());
    assertEquals(
        List.of(
            new GuestNotes(
                PersonName.of("Glyph Lefkowitz", null), null, List.of("Automat", "Twisted"))),
        e.guests());
    assertEquals("glyph-lefkowitz", e.guests().getFirst().person().slug());
    assertEquals(
        "Automat, a library that provides self-service finite-state machines for the programmer on"
            + " the go",
        e.topic());
    assertEquals(11, e.interview().size());
    assertEquals(
        "What is a state machine and when might you want to use one?", e.interview().get(2).text());
  }

  @Test
  void announcementsKeepCurlyApostrophesAsWritten() {
    EpisodeNotes e = SeedNotes.episode(210);
    assertTrue(e.announcements().get(1).startsWith("When you’re ready to launch your next app"));
    assertTrue(
        e.announcements()
            .getLast()
            .equals(
                "Your host as usual is Tobias Macey and today I’m interviewing David Holmes about his"
                    + " work at the US Digital Services organization"));
  }

  @Test
  void reconcilesTheHostAndGuestsAcrossEpisodes() {
    People people = People.of(SeedNotes.parsed().episodes());
    assertEquals(
        List.of(
            "tobias-macey",
            "glyph-lefkowitz",
            "john-bywater",
            "andy-mccurdy",
            "christoph-zimmerman",
            "david-holmes"),
        people.all().stream().map(Person::slug).toList());
    Person host = people.person(PersonName.of("Tobias Macey", null));
    assertEquals(List.of(116, 131, 201, 210), host.hosted());
    assertEquals(List.of(), host.guested());
    Person christoph = people.person(PersonName.of("Christoph Zimmerman", null));
    assertEquals("Dr.", christoph.honorific());
    assertEquals(List.of(201), christoph.guested());
    Person david = people.person(PersonName.of("David Holmes", null));
    assertEquals("the current director of engineering for the USDS", david.bio());
    assertNull(people.person(PersonName.of("John Bywater", null)).bio());
  }
}
