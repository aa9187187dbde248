package dev.podgraph.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.devinfra.DevTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** GraphQL over HTTP against the running gateway, and a look at its Prometheus counters. */
final class GatewayClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final PodgraphSystem system;

  GatewayClient(PodgraphSystem system) {
    this.system = system;
  }

  JsonNode query(String query) throws IOException, InterruptedException {
    return query(query, Map.of());
  }

  JsonNode query(String query, Map<String, Object> variables)
      throws IOException, InterruptedException {
    return post(URI.create(system.graphqlUrl()), query, variables, null);
  }

  /** As an editor: a bearer token minted with the development key. */
  JsonNode asEditor(String query, Map<String, Object> variables)
      throws IOException, InterruptedException {
    return post(URI.create(system.graphqlUrl()), query, variables, DevTokens.editor());
  }

  /** GraphQL over HTTP to any endpoint of the system, with a bearer token when one is given. */
  static JsonNode post(URI endpoint, String query, Map<String, Object> variables, String token)
      throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  /** The HTTP status and body of a plain GET (health, metrics). */
  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sum of every sample of a Prometheus metric family (all label combinations). */
  double metricTotal(String family) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(system.managementUrl("gateway") + "/q/metrics"))
            .timeout(Duration.ofSeconds(10))
            .build();
    String text = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    double total = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(family + "{") || line.startsWith(family + " ")) {
        total += sampleValue(line);
      }
    }
    return total;
  }

  /**
   * The value of one sample line of the Prometheus text format: after the labels, before an
   * OpenMetrics exemplar ({@code ... 22.0 # {trace_id="..."} 1.0 1700000000.0}), which Micrometer
   * appends when OpenTelemetry is on the classpath.
   */
  static double sampleValue(String line) {
    int exemplar = line.indexOf(" # ");
    String sample = (exemplar < 0 ? line : line.substring(0, exemplar)).strip();
    return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
  }
}
