package dev.podgraph.importer.notes;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Common English short forms of first names ("Andy" for Andrew). A mention that is a prefix of a
 * first name ("Chris" for Christoph) needs no entry here; these are the forms that are not.
 */
final class Nicknames {
  private static final Map<String, Set<String>> FORMAL =
      Map.ofEntries(
          Map.entry("andy", Set.of("andrew", "andreas")),
          Map.entry("drew", Set.of("andrew")),
          Map.entry("bob", Set.of("robert")),
          Map.entry("bobby", Set.of("robert")),
          Map.entry("rob", Set.of("robert")),
          Map.entry("bill", Set.of("william")),
          Map.entry("will", Set.of("william")),
          Map.entry("liam", Set.of("william")),
          Map.entry("dick", Set.of("richard")),
          Map.entry("rick", Set.of("richard", "frederick", "eric")),
          Map.entry("jim", Set.of("james")),
          Map.entry("jimmy", Set.of("james")),
          Map.entry("jack", Set.of("john")),
          Map.entry("johnny", Set.of("john", "jonathan")),
          Map.entry("jon", Set.of("jonathan", "john")),
          Map.entry("kate", Set.of("katherine", "catherine", "kathryn")),
          Map.entry("katie", Set.of("katherine", "catherine", "kathryn")),
          Map.entry("liz", Set.of("elizabeth")),
          Map.entry("beth", Set.of("elizabeth")),
          Map.entry("betty", Set.of("elizabeth")),
          Map.entry("meg", Set.of("margaret", "megan")),
          Map.entry("maggie", Set.of("margaret")),
          Map.entry("peggy", Set.of("margaret")),
          Map.entry("mike", Set.of("michael")),
          Map.entry("mick", Set.of("michael")),
          Map.entry("ned", Set.of("edward", "edmund")),
          Map.entry("ted", Set.of("edward", "theodore")),
          Map.entry("tony", Set.of("anthony", "antonio")),
          Map.entry("peg", Set.of("margaret")),
          Map.entry("sandy", Set.of("alexander", "alexandra", "sandra")),
          Map.entry("sasha", Set.of("alexander", "alexandra")),
          Map.entry("alex", Set.of("alexander", "alexandra", "alexis")),
          Map.entry("sam", Set.of("samuel", "samantha")),
          Map.entry("ben", Set.of("benjamin")),
          Map.entry("dan", Set.of("daniel")),
          Map.entry("dave", Set.of("david")),
          Map.entry("matt", Set.of("matthew")),
          Map.entry("nick", Set.of("nicholas", "nicolas")),
          Map.entry("pat", Set.of("patrick", "patricia")),
          Map.entry("steve", Set.of("steven", "stephen")),
          Map.entry("tom", Set.of("thomas")),
          Map.entry("hank", Set.of("henry")),
          Map.entry("harry", Set.of("henry", "harold")),
          Map.entry("chuck", Set.of("charles")),
          Map.entry("charlie", Set.of("charles", "charlotte")));

  private Nicknames() {}

  /** Whether {@code mention} is a usual short form of {@code firstName} (case ignored). */
  static boolean isShortFor(String mention, String firstName) {
    return FORMAL
        .getOrDefault(mention.toLowerCase(Locale.ROOT), Set.of())
        .contains(firstName.toLowerCase(Locale.ROOT));
  }
}
