package dev.podgraph.importer.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Recognises people across episodes, documents and the whole catalog: one record per slug, so the
 * host of every episode is one Tobias Macey and a returning guest introduced as "Ada" is the Ada
 * Lovelace the catalog already holds. Every mention gets a {@link Decision} that says which rule
 * matched whom; a mention that fits two known people is not guessed: its episode is refused with
 * the reason, and nothing of that episode counts.
 *
 * <p>The rules, in order, for a mention in one episode (honorifics are already split off, so "Dr.
 * Zimmerman" is "Zimmerman"):
 *
 * <ol>
 *   <li>A full name is that person: the catalog's, or a new one.
 *   <li>A single word that the episode's own title, summary or announcements complete to exactly
 *       one full name ("Ada" and "… Ada Lovelace explains …") is that full name.
 *   <li>Otherwise the known people (the catalog's and the full names of every episode being
 *       imported) whose first or last name is that word; if none, those whose first name it
 *       abbreviates ("Chris" for Christoph) or is a usual short form of ("Andy" for Andrew). One
 *       candidate is matched; of several, the one whose other name (first name or surname) or
 *       project the episode mentions; else the mention is ambiguous.
 *   <li>No candidate: a known person with exactly that one-word name, else a new person.
 * </ol>
 */
public final class People {
  private static final Pattern WORD = Pattern.compile("[\\p{L}’'-]+");
  private static final Set<String> NOT_A_SURNAME =
      Set.of("about", "and", "the", "of", "on", "in", "with", "from", "for", "to", "is", "was");

  /** A person already in the catalog. */
  public record Known(String slug, String name, String honorific, List<String> projects) {
    public Known {
      projects = List.copyOf(projects);
    }
  }

  /** Who a mention in one episode was taken to be, and by which rule. */
  public record Decision(
      int episode, String role, String written, String slug, String name, String rule) {
    public String line() {
      return "#" + episode + " " + role + " \"" + written + "\" -> " + name + " (" + slug + "): "
          + rule;
    }
  }

  private record Candidate(
      String slug, String name, String honorific, List<String> projects, String source) {}

  private record Match(Candidate candidate, String rule) {}

  private final Map<String, Candidate> index = new LinkedHashMap<>();
  private final Map<String, Builder> bySlug = new LinkedHashMap<>();
  private final Map<EpisodeNotes, Map<PersonName, String>> resolved = new IdentityHashMap<>();
  private final Map<EpisodeNotes, List<Decision>> decisions = new IdentityHashMap<>();
  private final Map<EpisodeNotes, String> refusals = new IdentityHashMap<>();

  private People() {}

  /** People of a batch of episodes, with no catalog to match against. */
  public static People of(List<EpisodeNotes> episodes) {
    return of(episodes, List.of());
  }

  /** People of a batch of episodes, matched against the people the catalog already holds. */
  public static People of(List<EpisodeNotes> episodes, List<Known> catalog) {
    People people = new People();
    for (Known k : catalog) {
      PersonName clean = Honorifics.split(k.name());
      people.index.putIfAbsent(
          k.slug(),
          new Candidate(
              k.slug(),
              clean.name(),
              k.honorific() != null ? k.honorific() : clean.honorific(),
              k.projects(),
              "in the catalog"));
    }
    List<EpisodeNotes> oldestFirst =
        episodes.stream().sorted(Comparator.comparingInt(EpisodeNotes::number)).toList();
    for (EpisodeNotes e : oldestFirst) {
      for (PersonName mention : mentions(e)) {
        if (isFullName(mention)) {
          people.index.putIfAbsent(
              mention.slug(),
              new Candidate(
                  mention.slug(),
                  mention.name(),
                  mention.honorific(),
                  List.of(),
                  "named in full in episode " + e.number()));
        }
      }
    }
    for (EpisodeNotes e : oldestFirst) {
      people.resolveEpisode(e);
    }
    return people;
  }

  /** The reconciled person a name in some episode refers to (no episode hints: tests, tools). */
  public Person person(PersonName name) {
    Optional<Match> match = match(null, name);
    String slug = match.map(m -> m.candidate().slug()).orElse(name.slug());
    Builder b = bySlug.get(slug);
    if (b == null) {
      throw new IllegalArgumentException("no episode names " + name);
    }
    return b.build();
  }

  /** The reconciled person a mention in {@code episode} refers to. */
  public Person person(EpisodeNotes episode, PersonName mention) {
    String slug = resolved.getOrDefault(episode, Map.of()).get(mention);
    if (slug == null) {
      throw new IllegalArgumentException(
          "episode " + episode.number() + " has no resolved mention " + mention);
    }
    return bySlug.get(slug).build();
  }

  /** Why this episode cannot be imported (an ambiguous name), or empty. */
  public Optional<String> refusal(EpisodeNotes episode) {
    return Optional.ofNullable(refusals.get(episode));
  }

  /** The decisions taken for the people of this episode, host first. */
  public List<Decision> decisions(EpisodeNotes episode) {
    return decisions.getOrDefault(episode, List.of());
  }

  public List<Person> all() {
    return bySlug.values().stream().map(Builder::build).toList();
  }

  private static List<PersonName> mentions(EpisodeNotes e) {
    List<PersonName> all = new ArrayList<>();
    if (e.host() != null) {
      all.add(e.host());
    }
    e.guests().forEach(g -> all.add(g.person()));
    return all;
  }

  private void resolveEpisode(EpisodeNotes e) {
    Map<PersonName, Match> matches = new LinkedHashMap<>();
    List<String> ambiguous = new ArrayList<>();
    for (PersonName mention : mentions(e)) {
      try {
        matches.put(mention, match(e, mention).orElse(null));
      } catch (AmbiguousName a) {
        ambiguous.add(a.getMessage());
      }
    }
    if (!ambiguous.isEmpty()) {
      refusals.put(
          e,
          "episode "
              + e.number()
              + ": "
              + String.join("; ", ambiguous)
              + " (name the person in full in the title or summary)");
      return;
    }
    Map<PersonName, String> slugs = new LinkedHashMap<>();
    List<Decision> taken = new ArrayList<>();
    for (Map.Entry<PersonName, Match> m : matches.entrySet()) {
      PersonName mention = m.getKey();
      Match match = m.getValue();
      String role = mention.equals(e.host()) ? "host" : "guest";
      Candidate c =
          match != null
              ? match.candidate()
              : new Candidate(mention.slug(), mention.name(), null, List.of(), "new");
      String rule =
          match != null
              ? match.rule()
              : "no known person is called " + mention.name() + ": a new person";
      Builder b = bySlug.computeIfAbsent(c.slug(), slug -> new Builder(slug, c.name()));
      if (b.honorific == null) {
        b.honorific = mention.honorific() != null ? mention.honorific() : c.honorific();
      }
      if (role.equals("host")) {
        b.hosted.add(e.number());
      } else {
        b.guested.add(e.number());
        for (GuestNotes g : e.guests()) {
          if (g.person().equals(mention)) {
            if (g.role() != null) {
              b.bio = g.role();
            }
            b.projects.addAll(g.projects());
          }
        }
      }
      slugs.put(mention, c.slug());
      String written =
          (mention.honorific() == null ? "" : mention.honorific() + " ") + mention.name();
      taken.add(new Decision(e.number(), role, written, c.slug(), c.name(), rule));
    }
    resolved.put(e, slugs);
    decisions.put(e, taken);
  }

  /** The known person a mention is, empty for a new person; throws when two fit equally. */
  private Optional<Match> match(EpisodeNotes e, PersonName mention) {
    if (isFullName(mention)) {
      Candidate c = index.get(mention.slug());
      if (c == null) {
        return Optional.empty();
      }
      return Optional.of(
          new Match(
              c,
              c.source().equals("in the catalog")
                  ? "full name of a person in the catalog"
                  : "full name, as " + c.source()));
    }
    String word = mention.name().strip();
    if (e != null) {
      Set<String> completions = completions(word, sentences(e));
      if (completions.size() == 1) {
        String full = completions.iterator().next();
        PersonName completed = PersonName.of(full, mention.honorific());
        Candidate c = index.get(completed.slug());
        String where = "completed to " + full + " by the episode's own notes";
        if (c == null) {
          return Optional.of(
              new Match(
                  new Candidate(completed.slug(), full, null, List.of(), "new"),
                  where + " (a new person)"));
        }
        return Optional.of(new Match(c, where + " (" + c.source() + ")"));
      }
    }
    List<Candidate> candidates =
        index.values().stream().filter(c -> isFullName(c.name()) && namedBy(word, c)).toList();
    String how = "first or last name";
    if (candidates.isEmpty()) {
      candidates =
          index.values().stream()
              .filter(c -> isFullName(c.name()) && abbreviates(word, firstName(c.name())))
              .toList();
      how = "short form of the first name";
    }
    if (candidates.size() == 1) {
      Candidate c = candidates.getFirst();
      return Optional.of(
          new Match(c, how + " of the only known person it fits (" + c.source() + ")"));
    }
    if (candidates.size() > 1) {
      String text = e == null ? "" : text(e);
      List<Candidate> hinted = candidates.stream().filter(c -> hinted(c, word, text)).toList();
      if (hinted.size() == 1) {
        Candidate c = hinted.getFirst();
        return Optional.of(
            new Match(
                c,
                how
                    + " of "
                    + names(candidates)
                    + "; the notes name only this one's other name or project ("
                    + c.source()
                    + ")"));
      }
      throw new AmbiguousName(
          "\"" + word + "\" could be " + names(candidates) + ", and nothing in the notes decides");
    }
    Candidate same = index.get(mention.slug());
    if (same != null) {
      return Optional.of(new Match(same, "the same one-word name (" + same.source() + ")"));
    }
    return Optional.empty();
  }

  /** Full names in the text that start with {@code first}: "Ada" in "… Ada Lovelace explains". */
  private static Set<String> completions(String first, String text) {
    Matcher m =
        Pattern.compile("\\b" + Pattern.quote(first) + "\\s+(\\p{Lu}[\\p{L}’'-]+)").matcher(text);
    Set<String> found = new LinkedHashSet<>();
    while (m.find()) {
      String full = first + " " + m.group(1);
      if (!NOT_A_SURNAME.contains(m.group(1).toLowerCase(Locale.ROOT))) {
        found.add(full);
      }
    }
    return found;
  }

  /** Where a first name may be written in full: sentences, not the title-cased title. */
  private static String sentences(EpisodeNotes e) {
    return String.join("\n", e.summary(), String.join("\n", e.announcements()));
  }

  /** Everything that may name a surname or a project. */
  private static String text(EpisodeNotes e) {
    return String.join("\n", e.title(), sentences(e));
  }

  private static boolean namedBy(String word, Candidate c) {
    String[] parts = c.name().split("\\s+");
    return parts[0].equalsIgnoreCase(word) || parts[parts.length - 1].equalsIgnoreCase(word);
  }

  private static boolean abbreviates(String word, String firstName) {
    String w = word.toLowerCase(Locale.ROOT);
    String f = firstName.toLowerCase(Locale.ROOT);
    return (w.length() >= 3 && f.startsWith(w) && !f.equals(w)) || Nicknames.isShortFor(w, f);
  }

  /** Whether the notes name another part of this person's name, or one of their projects. */
  private static boolean hinted(Candidate c, String word, String text) {
    for (String part : c.name().split("\\s+")) {
      if (!part.equalsIgnoreCase(word) && containsWord(text, part)) {
        return true;
      }
    }
    return c.projects().stream().anyMatch(p -> containsWord(text, p));
  }

  private static boolean containsWord(String text, String phrase) {
    return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(phrase) + "(?![\\p{L}])")
        .matcher(text)
        .find();
  }

  private static String names(List<Candidate> candidates) {
    return candidates.stream()
        .map(c -> c.name() + " (" + c.slug() + ", " + c.source() + ")")
        .collect(Collectors.joining(" or "));
  }

  private static String firstName(String name) {
    return name.strip().split("\\s+")[0];
  }

  private static boolean isFullName(PersonName name) {
    return isFullName(name.name());
  }

  private static boolean isFullName(String name) {
    return WORD.matcher(name).results().count() >= 2;
  }

  private static final class AmbiguousName extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AmbiguousName(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Builder {
    final String slug;
    final String name;
    String honorific;
    String bio;
    final Set<String> projects = new LinkedHashSet<>();
    final Set<Integer> hosted = new LinkedHashSet<>();
    final Set<Integer> guested = new LinkedHashSet<>();

    Builder(String slug, String name) {
      this.slug = slug;
      this.name = name;
    }

    Person build() {
      return new Person(
          slug,
          name,
          honorific,
          bio,
          List.copyOf(projects),
          new ArrayList<>(hosted),
          new ArrayList<>(guested));
    }
  }
}
