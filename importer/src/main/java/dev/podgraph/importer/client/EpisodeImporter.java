package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podgraph.importer.client.PodgraphApi.Role;
import dev.podgraph.importer.client.PodgraphApi.StoredEpisode;
import dev.podgraph.importer.client.PodgraphApi.StoredPerson;
import dev.podgraph.importer.notes.EpisodeNotes;
import dev.podgraph.importer.notes.GuestNotes;
import dev.podgraph.importer.notes.People;
import dev.podgraph.importer.notes.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the API hold what the notes say, writing only what differs: people first (by slug, each
 * once per run), then each episode (looked up by number) and its appearances. Appearances are added
 * or re-placed, never removed: an editor may have added people by hand. Episodes may be imported
 * from several threads once their people exist.
 */
public final class EpisodeImporter {
  private final PodgraphApi api;
  private final ObjectMapper json;
  // People already brought up to date in this run, by slug.
  private final Map<String, String> personIds = new ConcurrentHashMap<>();
  // Episodes this run created (by number): one still a draft was left so by a failed attempt.
  private final Set<Integer> createdInRun = ConcurrentHashMap.newKeySet();

  private final boolean publishNew;

  /** What importing one episode did to it and to each of its people (by slug). */
  public record Outcome(Change episode, Map<String, Change> people) {}

  /**
   * @param publishNew publish the episodes this import creates: show notes describe episodes that
   *     are out, so by default they should be public; existing episodes keep their status
   */
  public EpisodeImporter(PodgraphApi api, ObjectMapper json, boolean publishNew) {
    this.api = api;
    this.json = json;
    this.publishNew = publishNew;
  }

  /**
   * Creates or completes a person. {@code stored} is the catalog's record when the run already read
   * it (the listing); otherwise the person is looked up by slug, which also follows merges.
   */
  public Change ensurePerson(Person person, Optional<StoredPerson> known) throws GraphQLException {
    if (personIds.containsKey(person.slug())) {
      return Change.UNCHANGED;
    }
    Optional<StoredPerson> stored = known.isPresent() ? known : api.person(person.slug());
    if (stored.isEmpty()) {
      personIds.put(person.slug(), api.createPerson(PersonInputs.create(person, json)));
      return Change.CREATED;
    }
    personIds.put(person.slug(), stored.get().id());
    Optional<ObjectNode> update = PersonInputs.update(person, stored.get().fields(), json);
    if (update.isEmpty()) {
      return Change.UNCHANGED;
    }
    api.updatePerson(stored.get(), update.get());
    return Change.UPDATED;
  }

  public Outcome importEpisode(EpisodeNotes notes, People people) throws GraphQLException {
    return importEpisode(notes, people, null);
  }

  /**
   * @param listed the episode as the run's listing read it ({@code Optional.empty()}: the listing
   *     has no such episode), or null to look it up now
   */
  public Outcome importEpisode(EpisodeNotes notes, People people, Optional<StoredEpisode> listed)
      throws GraphQLException {
    ObjectNode input = EpisodeInputs.of(notes, json);
    Optional<StoredEpisode> stored = listed != null ? listed : api.episode(notes.number());
    Change change;
    String episodeId;
    if (stored.isEmpty()) {
      PodgraphApi.Written created = api.createEpisode(input);
      createdInRun.add(notes.number());
      if (publishNew) {
        api.publishEpisode(created);
      }
      episodeId = created.id();
      change = Change.CREATED;
    } else if (leftDraftByThisRun(notes.number(), stored.get())) {
      // An earlier attempt created it, then failed before or while publishing (a timeout may even
      // have hidden a publish that happened): finish that attempt instead of calling it unchanged.
      StoredEpisode draft = stored.get();
      api.publishEpisode(
          new PodgraphApi.Written(draft.id(), draft.fields().path("version").asInt()));
      Optional<StoredEpisode> published = api.episode(notes.number());
      if (published.isPresent() && JsonDrift.differs(input, published.get().fields())) {
        api.updateEpisode(published.get(), input);
      }
      episodeId = draft.id();
      change = Change.CREATED;
    } else {
      episodeId = stored.get().id();
      change = Change.UNCHANGED;
      if (JsonDrift.differs(input, stored.get().fields())) {
        api.updateEpisode(stored.get(), input);
        change = Change.UPDATED;
      }
    }
    List<String> hosts = stored.map(StoredEpisode::hostSlugs).orElse(List.of());
    List<String> guests = stored.map(StoredEpisode::guestSlugs).orElse(List.of());
    Map<String, Change> cast = new LinkedHashMap<>();
    int order = 0;
    for (Cast member : cast(notes, people)) {
      if (!personIds.containsKey(member.person().slug())) {
        ensurePerson(member.person(), Optional.empty());
      }
      List<String> placed = member.role() == Role.HOST ? hosts : guests;
      boolean inPlace =
          member.indexInRole() < placed.size()
              && placed.get(member.indexInRole()).equals(member.person().slug());
      Change appearance = Change.UNCHANGED;
      if (!inPlace) {
        String personId = personIds.get(member.person().slug());
        api.putAppearance(personId, episodeId, notes.number(), member.role(), order);
        appearance = Change.UPDATED;
      }
      cast.merge(member.person().slug(), appearance, Change::and);
      change = change.and(appearance);
      order++;
    }
    return new Outcome(change, cast);
  }

  private boolean leftDraftByThisRun(int number, StoredEpisode stored) {
    return publishNew
        && createdInRun.contains(number)
        && "DRAFT".equals(stored.fields().path("status").asText());
  }

  private record Cast(Person person, Role role, int indexInRole) {}

  /** Hosts first, then guests in the order the notes name them. */
  private static List<Cast> cast(EpisodeNotes notes, People people) {
    List<Cast> cast = new ArrayList<>();
    if (notes.host() != null) {
      cast.add(new Cast(people.person(notes, notes.host()), Role.HOST, 0));
    }
    List<GuestNotes> guests = notes.guests();
    for (int i = 0; i < guests.size(); i++) {
      cast.add(new Cast(people.person(notes, guests.get(i).person()), Role.GUEST, i));
    }
    return cast;
  }
}
