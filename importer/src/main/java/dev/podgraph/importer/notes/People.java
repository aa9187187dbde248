package dev.podgraph.importer.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reconciles people across episodes (and documents): one record per slug, so the host of every
 * episode is one Tobias Macey. A one-word name ("Glyph") that an episode could not complete from
 * its own title is resolved to the only known full name starting or ending with that word.
 */
public final class People {
  private final Map<String, Builder> bySlug = new LinkedHashMap<>();

  private People() {}

  public static People of(List<EpisodeNotes> episodes) {
    People people = new People();
    List<EpisodeNotes> oldestFirst =
        episodes.stream().sorted(Comparator.comparingInt(EpisodeNotes::number)).toList();
    // Full names first, so one-word mentions have something to resolve to.
    for (EpisodeNotes e : oldestFirst) {
      if (e.host() != null && isFullName(e.host())) {
        people.builder(e.host());
      }
      e.guests().stream()
          .map(GuestNotes::person)
          .filter(People::isFullName)
          .forEach(people::builder);
    }
    for (EpisodeNotes e : oldestFirst) {
      if (e.host() != null) {
        people.builder(people.resolve(e.host())).hosted.add(e.number());
      }
      for (GuestNotes guest : e.guests()) {
        Builder b = people.builder(people.resolve(guest.person()));
        b.guested.add(e.number());
        if (guest.role() != null) {
          b.bio = guest.role();
        }
        b.projects.addAll(guest.projects());
      }
    }
    return people;
  }

  /** The reconciled person a name in some episode refers to. */
  public Person person(PersonName name) {
    return bySlug.get(resolve(name).slug()).build();
  }

  public List<Person> all() {
    return bySlug.values().stream().map(Builder::build).toList();
  }

  private PersonName resolve(PersonName name) {
    if (isFullName(name) || bySlug.containsKey(name.slug())) {
      return name;
    }
    List<Builder> candidates =
        bySlug.values().stream()
            .filter(b -> b.name.startsWith(name.name() + " ") || b.name.endsWith(" " + name.name()))
            .toList();
    if (candidates.size() == 1) {
      Builder only = candidates.getFirst();
      return new PersonName(
          only.name, Optional.ofNullable(name.honorific()).orElse(only.honorific), only.slug);
    }
    return name;
  }

  private Builder builder(PersonName name) {
    Builder b = bySlug.computeIfAbsent(name.slug(), slug -> new Builder(slug, name.name()));
    if (b.honorific == null) {
      b.honorific = name.honorific();
    }
    return b;
  }

  private static boolean isFullName(PersonName name) {
    return name.name().strip().contains(" ");
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
