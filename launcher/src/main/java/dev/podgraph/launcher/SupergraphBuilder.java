package dev.podgraph.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.composition.Composer;
import dev.podgraph.composition.CompositionError;
import dev.podgraph.composition.CompositionResult;
import dev.podgraph.composition.SubgraphSdl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Composes the running subgraphs' {@code _service { sdl }} into the gateway's supergraph. */
final class SupergraphBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private SupergraphBuilder() {}

  /** {@code subgraphs}: name to GraphQL URL, in a stable order. */
  static String compose(Map<String, String> subgraphs) throws IOException, InterruptedException {
    List<SubgraphSdl> sdls = new ArrayList<>();
    for (Map.Entry<String, String> subgraph : subgraphs.entrySet()) {
      sdls.add(new SubgraphSdl(subgraph.getKey(), subgraph.getValue(), sdlOf(subgraph.getValue())));
    }
    CompositionResult result = Composer.compose(sdls);
    return result
        .supergraphSdl()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The subgraphs do not compose:\n"
                        + result.errors().stream()
                            .map(CompositionError::toString)
                            .collect(Collectors.joining("\n"))));
  }

  private static String sdlOf(String url) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("query", "{ _service { sdl } }"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    JsonNode answer =
        JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    JsonNode sdl = answer.path("data").path("_service").path("sdl");
    if (!sdl.isTextual()) {
      throw new IllegalStateException(url + " did not answer _service { sdl }: " + answer);
    }
    return sdl.asText();
  }
}
