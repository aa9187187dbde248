package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A GraphQL endpoint over the JDK's HTTP server that keeps episodes, people and appearances in
 * memory the way the importer's documents expect, records every request, requires a bearer token
 * for mutations, and can be told to fail an operation.
 */
final class FakeGateway implements AutoCloseable {
  static final String TOKEN = "editor-token";

  record Request(String operationName, String query, JsonNode variables, String authorization) {}

  private record AppearanceRow(String guestId, String episodeId, String role, int order) {}

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  final List<Request> requests = new ArrayList<>();
  final Map<Integer, ObjectNode> episodes = new LinkedHashMap<>();
  final Map<String, ObjectNode> guests = new LinkedHashMap<>();
  final List<AppearanceRow> appearances = new ArrayList<>();
  private final Map<String, String[]> failures = new HashMap<>();
  private final Map<String, Integer> failuresLeft = new HashMap<>();

  FakeGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/graphql", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
  }

  void failOn(String operationName, String code, String message) {
    failures.put(operationName, new String[] {code, message});
  }

  /** Fails the next {@code times} calls of the operation, then answers it again. */
  synchronized void failOn(String operationName, String code, String message, int times) {
    failuresLeft.put(operationName, times);
    failOn(operationName, code, message);
  }

  List<Request> mutations() {
    return requests.stream().filter(r -> r.query().strip().startsWith("mutation")).toList();
  }

  List<Request> requests(String operationName) {
    return requests.stream().filter(r -> r.operationName().equals(operationName)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
    Request request =
        new Request(
            body.path("operationName").asText(),
            body.path("query").asText(),
            body.path("variables"),
            exchange.getRequestHeaders().getFirst("Authorization"));
    requests.add(request);
    ObjectNode response = json.createObjectNode();
    try {
      response.set("data", answer(request));
    } catch (GraphQLError e) {
      ArrayNode errors = response.putArray("errors");
      errors.addObject().put("message", e.getMessage()).putObject("extensions").put("code", e.code);
      response.putNull("data");
    }
    byte[] bytes = response.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private JsonNode answer(Request r) {
    String[] failure = failures.get(r.operationName());
    Integer left = failuresLeft.get(r.operationName());
    if (left != null && left <= 0) {
      failure = null;
    } else if (left != null) {
      failuresLeft.put(r.operationName(), left - 1);
    }
    if (failure != null) {
      throw new GraphQLError(failure[0], failure[1]);
    }
    boolean mutation = r.query().strip().startsWith("mutation");
    if (mutation && !("Bearer " + TOKEN).equals(r.authorization())) {
      throw new GraphQLError("UNAUTHENTICATED", "an editor token is required");
    }
    JsonNode v = r.variables();
    ObjectNode data = json.createObjectNode();
    switch (r.operationName()) {
      case "EpisodeByNumber" -> data.set("episode", episodeView(v.path("number").asInt()));
      case "CreateEpisode" -> {
        ObjectNode episode = v.path("input").deepCopy();
        episode.put("id", UUID.randomUUID().toString()).put("version", 0).put("status", "DRAFT");
        episodes.put(episode.path("number").asInt(), episode);
        data.putObject("createEpisode")
            .put("id", episode.path("id").asText())
            .put("version", 0)
            .put("status", "DRAFT");
      }
      case "PublishEpisode" -> {
        ObjectNode episode = byId(episodes.values(), v.path("id").asText());
        if (episode.path("version").asInt() != v.path("expectedVersion").asInt()) {
          throw new GraphQLError("CONFLICT", "stale version");
        }
        episode.put("status", "PUBLISHED").put("version", episode.path("version").asInt() + 1);
        data.putObject("publishEpisode")
            .put("id", episode.path("id").asText())
            .put("status", "PUBLISHED");
      }
      case "UpdateEpisode" -> {
        ObjectNode episode = byId(episodes.values(), v.path("id").asText());
        if (episode.path("version").asInt() != v.path("expectedVersion").asInt()) {
          throw new GraphQLError("CONFLICT", "stale version");
        }
        episode.setAll((ObjectNode) v.path("input"));
        episode.put("version", episode.path("version").asInt() + 1);
        data.putObject("updateEpisode").put("id", episode.path("id").asText());
      }
      case "GuestBySlug" -> data.set("guest", guests.get(v.path("slug").asText()));
      case "Episodes" -> {
        ObjectNode page = data.putObject("episodes");
        ArrayNode edges = page.putArray("edges");
        episodes.keySet().stream()
            .sorted()
            .forEach(n -> edges.addObject().set("node", episodeView(n)));
        page.putObject("pageInfo").put("hasNextPage", false).putNull("endCursor");
      }
      case "Guests" -> {
        ObjectNode page = data.putObject("guests");
        ArrayNode edges = page.putArray("edges");
        guests.values().forEach(g -> edges.addObject().set("node", g));
        page.putObject("pageInfo").put("hasNextPage", false).putNull("endCursor");
      }
      case "CreateGuest" -> {
        ObjectNode guest = v.path("input").deepCopy();
        guest.put("id", UUID.randomUUID().toString()).put("version", 0);
        guests.put(guest.path("slug").asText(), guest);
        data.putObject("createGuest").put("id", guest.path("id").asText());
      }
      case "UpdateGuest" -> {
        ObjectNode guest = byId(guests.values(), v.path("id").asText());
        guest.setAll((ObjectNode) v.path("input"));
        guest.put("version", guest.path("version").asInt() + 1);
        data.putObject("updateGuest").put("id", guest.path("id").asText());
      }
      case "AddAppearance" -> {
        JsonNode in = v.path("input");
        appearances.removeIf(
            a ->
                a.guestId().equals(in.path("guestId").asText())
                    && a.episodeId().equals(in.path("episodeId").asText()));
        appearances.add(
            new AppearanceRow(
                in.path("guestId").asText(),
                in.path("episodeId").asText(),
                in.path("role").asText(),
                in.path("order").asInt()));
        data.putObject("addAppearance").put("order", in.path("order").asInt());
      }
      default ->
          throw new GraphQLError(
              "GRAPHQL_VALIDATION_FAILED", "unknown operation " + r.operationName());
    }
    return data;
  }

  private JsonNode episodeView(int number) {
    ObjectNode stored = episodes.get(number);
    if (stored == null) {
      return json.nullNode();
    }
    ObjectNode view = stored.deepCopy();
    view.set("hosts", people(stored.path("id").asText(), "HOST"));
    view.set("guests", people(stored.path("id").asText(), "GUEST"));
    return view;
  }

  private ArrayNode people(String episodeId, String role) {
    ArrayNode people = json.createArrayNode();
    appearances.stream()
        .filter(a -> a.episodeId().equals(episodeId) && a.role().equals(role))
        .sorted(Comparator.comparingInt(AppearanceRow::order))
        .forEach(
            a ->
                people
                    .addObject()
                    .put("slug", byId(guests.values(), a.guestId()).path("slug").asText()));
    return people;
  }

  private static ObjectNode byId(Iterable<ObjectNode> nodes, String id) {
    for (ObjectNode node : nodes) {
      if (node.path("id").asText().equals(id)) {
        return node;
      }
    }
    throw new GraphQLError("NOT_FOUND", "no object with id " + id);
  }

  private static final class GraphQLError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String code;

    GraphQLError(String code, String message) {
      super(message);
      this.code = code;
    }
  }
}
