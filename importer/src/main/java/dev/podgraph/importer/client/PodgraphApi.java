package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The few operations the importer needs from the public API. Inputs are JSON shaped like the
 * schema's input types, so that what is sent and what is read back can be compared field by field.
 */
public interface PodgraphApi {

  /** An episode as stored: its id, its fields as read back, and who is on it, in order. */
  record StoredEpisode(
      String id, JsonNode fields, List<String> hostSlugs, List<String> guestSlugs) {
    public StoredEpisode {
      hostSlugs = List.copyOf(hostSlugs);
      guestSlugs = List.copyOf(guestSlugs);
    }
  }

  /** A person as stored: id, fields as read back, and the version optimistic locking checks. */
  record StoredPerson(String id, JsonNode fields, Integer version) {}

  Optional<StoredEpisode> episode(int number) throws GraphQLException;

  /** Every episode the caller may see, by number. */
  java.util.Map<Integer, StoredEpisode> episodes() throws GraphQLException;

  /** The id and optimistic-locking version of an episode just written. */
  record Written(String id, int version) {}

  /** Creates a DRAFT episode. */
  Written createEpisode(ObjectNode input) throws GraphQLException;

  /** DRAFT -> PUBLISHED. */
  void publishEpisode(Written episode) throws GraphQLException;

  void updateEpisode(StoredEpisode stored, ObjectNode input) throws GraphQLException;

  Optional<StoredPerson> person(String slug) throws GraphQLException;

  /** Every person in the catalog. */
  List<StoredPerson> people() throws GraphQLException;

  /** Returns the new person's id. */
  String createPerson(ObjectNode input) throws GraphQLException;

  void updatePerson(StoredPerson stored, ObjectNode changes) throws GraphQLException;

  /** Adds the appearance, or sets its role and order when the person is already on the episode. */
  void putAppearance(String personId, String episodeId, int episodeNumber, Role role, int order)
      throws GraphQLException;

  enum Role {
    HOST,
    GUEST
  }
}
