package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PodgraphApi} over the gateway's GraphQL endpoint, with the documents in /graphql/. */
public final class GatewayApi implements PodgraphApi {
  private static final Operation EPISODE_BY_NUMBER = Operation.load("EpisodeByNumber");
  private static final Operation CREATE_EPISODE = Operation.load("CreateEpisode");
  private static final Operation UPDATE_EPISODE = Operation.load("UpdateEpisode");
  private static final Operation PUBLISH_EPISODE = Operation.load("PublishEpisode");
  private static final Operation GUEST_BY_SLUG = Operation.load("GuestBySlug");
  private static final Operation CREATE_GUEST = Operation.load("CreateGuest");
  private static final Operation UPDATE_GUEST = Operation.load("UpdateGuest");
  private static final Operation ADD_APPEARANCE = Operation.load("AddAppearance");
  private static final Operation GUESTS = Operation.load("Guests");
  private static final Operation EPISODES = Operation.load("Episodes");

  private final GraphQLClient client;

  public GatewayApi(GraphQLClient client) {
    this.client = client;
  }

  @Override
  public Optional<StoredEpisode> episode(int number) throws GraphQLException {
    JsonNode episode = client.execute(EPISODE_BY_NUMBER, Map.of("number", number)).path("episode");
    if (!episode.isObject()) {
      return Optional.empty();
    }
    return Optional.of(stored(episode));
  }

  @Override
  public Map<Integer, StoredEpisode> episodes() throws GraphQLException {
    Map<Integer, StoredEpisode> episodes = new java.util.LinkedHashMap<>();
    String after = null;
    do {
      Map<String, Object> variables = new HashMap<>();
      variables.put("after", after);
      JsonNode page = client.execute(EPISODES, variables).path("episodes");
      for (JsonNode edge : page.path("edges")) {
        JsonNode episode = edge.path("node");
        episodes.put(episode.path("number").asInt(), stored(episode));
      }
      JsonNode info = page.path("pageInfo");
      after = info.path("hasNextPage").asBoolean() ? info.path("endCursor").asText(null) : null;
    } while (after != null);
    return episodes;
  }

  private static StoredEpisode stored(JsonNode episode) {
    return new StoredEpisode(
        episode.path("id").asText(),
        episode,
        slugs(episode.path("hosts")),
        slugs(episode.path("guests")));
  }

  @Override
  public Written createEpisode(ObjectNode input) throws GraphQLException {
    JsonNode created = client.execute(CREATE_EPISODE, Map.of("input", input)).path("createEpisode");
    return new Written(created.path("id").asText(), created.path("version").asInt());
  }

  @Override
  public void publishEpisode(Written episode) throws GraphQLException {
    client.execute(
        PUBLISH_EPISODE, Map.of("id", episode.id(), "expectedVersion", episode.version()));
  }

  @Override
  public void updateEpisode(StoredEpisode stored, ObjectNode input) throws GraphQLException {
    client.execute(
        UPDATE_EPISODE,
        Map.of(
            "id",
            stored.id(),
            "expectedVersion",
            stored.fields().path("version").asInt(),
            "input",
            input));
  }

  @Override
  public Optional<StoredPerson> person(String slug) throws GraphQLException {
    JsonNode guest = client.execute(GUEST_BY_SLUG, Map.of("slug", slug)).path("guest");
    if (!guest.isObject()) {
      return Optional.empty();
    }
    JsonNode version = guest.path("version");
    return Optional.of(
        new StoredPerson(
            guest.path("id").asText(), guest, version.isNumber() ? version.asInt() : null));
  }

  @Override
  public List<StoredPerson> people() throws GraphQLException {
    List<StoredPerson> people = new ArrayList<>();
    String after = null;
    do {
      Map<String, Object> variables = new HashMap<>();
      variables.put("after", after);
      JsonNode page = client.execute(GUESTS, variables).path("guests");
      for (JsonNode edge : page.path("edges")) {
        JsonNode guest = edge.path("node");
        people.add(
            new StoredPerson(guest.path("id").asText(), guest, guest.path("version").asInt()));
      }
      JsonNode info = page.path("pageInfo");
      after = info.path("hasNextPage").asBoolean() ? info.path("endCursor").asText(null) : null;
    } while (after != null);
    return people;
  }

  @Override
  public String createPerson(ObjectNode input) throws GraphQLException {
    return client
        .execute(CREATE_GUEST, Map.of("input", input))
        .path("createGuest")
        .path("id")
        .asText();
  }

  @Override
  public void updatePerson(StoredPerson stored, ObjectNode changes) throws GraphQLException {
    Map<String, Object> variables = new HashMap<>();
    variables.put("id", stored.id());
    variables.put("input", changes);
    variables.put("expectedVersion", stored.version());
    client.execute(UPDATE_GUEST, variables);
  }

  @Override
  public void putAppearance(
      String personId, String episodeId, int episodeNumber, Role role, int order)
      throws GraphQLException {
    Map<String, Object> input = new HashMap<>();
    input.put("guestId", personId);
    input.put("episodeId", episodeId);
    input.put("episodeNumber", episodeNumber);
    input.put("role", role.name());
    input.put("order", order);
    client.execute(ADD_APPEARANCE, Map.of("input", input));
  }

  private static List<String> slugs(JsonNode people) {
    List<String> slugs = new ArrayList<>();
    people.forEach(p -> slugs.add(p.path("slug").asText()));
    return slugs;
  }
}
