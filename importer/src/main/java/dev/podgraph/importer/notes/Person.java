package dev.podgraph.importer.notes;

import java.util.List;

/**
 * One person across all parsed episodes: guests and hosts are the same kind of record because the
 * same person can be both.
 *
 * @param bio what the most recent episode that describes them says they are, or null
 * @param hosted numbers of the episodes this person hosts
 * @param guested numbers of the episodes this person is a guest of
 */
public record Person(
    String slug,
    String name,
    String honorific,
    String bio,
    List<String> projects,
    List<Integer> hosted,
    List<Integer> guested) {
  public Person {
    projects = List.copyOf(projects);
    hosted = List.copyOf(hosted);
    guested = List.copyOf(guested);
  }
}
