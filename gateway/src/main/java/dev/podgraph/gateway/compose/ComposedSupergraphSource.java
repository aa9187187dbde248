package dev.podgraph.gateway.compose;

import dev.podgraph.composition.Composer;
import dev.podgraph.composition.CompositionError;
import dev.podgraph.composition.CompositionResult;
import dev.podgraph.composition.SubgraphSdl;
import dev.podgraph.gateway.supergraph.InvalidSupergraphException;
import dev.podgraph.gateway.supergraph.SubgraphSdlClient;
import dev.podgraph.gateway.supergraph.SupergraphSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Development mode ({@code GATEWAY_SUBGRAPHS=name=url,...}): asks each subgraph for its SDL with
 * {@code _service { sdl }} and composes the supergraph with the project's composition module. Runs
 * at start-up and on reload ticks (a worker thread).
 */
public final class ComposedSupergraphSource implements SupergraphSource {

  private final Map<String, String> subgraphs;
  private final SubgraphSdlClient sdlClient = new SubgraphSdlClient(Duration.ofSeconds(10));

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
    return sdlClient.sdl(name, url);
  }

  @Override
  public String describe() {
    return "composition of " + subgraphs.keySet();
  }
}
