package dev.podgraph.gateway.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.composition.Composer;
import dev.podgraph.composition.CompositionError;
import dev.podgraph.composition.CompositionResult;
import dev.podgraph.composition.SubgraphSdl;
import dev.podgraph.gateway.supergraph.InvalidSupergraphException;
import dev.podgraph.gateway.supergraph.SupergraphSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Development mode ({@code GATEWAY_SUBGRAPHS=name=url,...}): asks each subgraph for its SDL with
 * {@code _service { sdl }} and composes the supergraph with the project's composition module. Runs
 * at start-up and on reload ticks (a worker thread), so plain blocking HTTP is fine here.
 */
public final class ComposedSupergraphSource implements SupergraphSource {

  private final Map<String, String> subgraphs;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper mapper = new ObjectMapper();

  public ComposedSupergraphSource(Map<String, String> subgraphs) {
    if (subgraphs.isEmpty()) {
      throw new InvalidSupergraphException("GATEWAY_SUBGRAPHS names no subgraph");
    }
    this.subgraphs = Map.copyOf(subgraphs);
  }

  /** Reads {@code name=url,name=url}. */
  public static ComposedSupergraphSource parse(String setting) {
    Map<String, String> subgraphs = new LinkedHashMap<>();
    for (String entry : setting.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals <= 0 || equals == trimmed.length() - 1) {
        throw new InvalidSupergraphException(
            "GATEWAY_SUBGRAPHS entry \"" + trimmed + "\" is not name=url");
      }
      subgraphs.put(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
    }
    return new ComposedSupergraphSource(subgraphs);
  }

  @Override
  public String load() {
    List<SubgraphSdl> sdls = new ArrayList<>();
    subgraphs.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                sdls.add(
                    new SubgraphSdl(e.getKey(), e.getValue(), fetchSdl(e.getKey(), e.getValue()))));
    CompositionResult result = Composer.compose(sdls);
    if (result.supergraphSdl().isEmpty()) {
      throw new InvalidSupergraphException(
          "the subgraphs do not compose: "
              + result.errors().stream()
                  .map(CompositionError::toString)
                  .collect(Collectors.joining("; ")));
    }
    return result.supergraphSdl().get();
  }

  private String fetchSdl(String name, String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(10))
              .header("content-type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ _service { sdl } }\"}"))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode sdl = mapper.readTree(response.body()).path("data").path("_service").path("sdl");
      if (!sdl.isTextual()) {
        throw new InvalidSupergraphException(
            "subgraph " + name + " at " + url + " did not answer _service { sdl }");
      }
      return sdl.asText();
    } catch (InvalidSupergraphException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidSupergraphException("interrupted while asking " + name + " for its SDL", e);
    } catch (Exception e) {
      throw new InvalidSupergraphException(
          "cannot ask subgraph " + name + " at " + url + " for its SDL: " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "composition of " + subgraphs.keySet();
  }
}
