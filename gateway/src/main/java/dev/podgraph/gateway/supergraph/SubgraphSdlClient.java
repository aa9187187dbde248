package dev.podgraph.gateway.supergraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a running subgraph for its SDL with {@code { _service { sdl } }}. Used on start-up and on
 * reload ticks (worker threads), so plain blocking HTTP with a timeout is fine here.
 */
public final class SubgraphSdlClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final Duration timeout;

  public SubgraphSdlClient(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * The subgraph's SDL.
   *
   * @throws InvalidSupergraphException naming the subgraph when it cannot be reached or does not
   *     answer {@code _service { sdl }} with a string
   */
  public String sdl(String name, String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(timeout)
              .header("content-type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ _service { sdl } }\"}"))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode sdl;
      try {
        sdl = JSON.readTree(response.body()).path("data").path("_service").path("sdl");
      } catch (java.io.IOException notJson) {
        sdl = null;
      }
      if (sdl == null || !sdl.isTextual()) {
        throw new InvalidSupergraphException(
            "subgraph "
                + name
                + " at "
                + url
                + " did not answer _service { sdl } (HTTP "
                + response.statusCode()
                + ")");
      }
      return sdl.asText();
    } catch (InvalidSupergraphException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidSupergraphException("interrupted while asking " + name + " for its SDL", e);
    } catch (Exception e) {
      throw new InvalidSupergraphException(
          "cannot ask subgraph " + name + " at " + url + " for its SDL: " + e, e);
    }
  }
}
