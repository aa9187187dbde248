package dev.podgraph.gateway.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.gateway.fixture.FixtureSubgraph;
import dev.podgraph.gateway.fixture.ShopResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @defer} over HTTP as Apollo Client asks for it ({@code Accept: multipart/mixed;
 * deferSpec=20220824}), read part by part from the response stream with the JDK's HTTP client.
 */
@QuarkusTest
@QuarkusTestResource(value = ShopResource.class, restrictToAnnotatedClass = true)
class IncrementalDeliveryTest {

  private static final String APOLLO_ACCEPT =
      "multipart/mixed;deferSpec=20220824,application/graphql-response+json,application/json";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/graphql")
  URL graphql;

  private HttpResponse<InputStream> send(String accept, String query) throws Exception {
    String body = JSON.writeValueAsString(Map.of("query", query));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(graphql.toString()))
                .header("content-type", "application/json")
                .header("accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
  }

  @Test
  @SuppressWarnings("unchecked")
  void sendsTheInitialPayloadThenTheDeferredFieldsOfEachListItemAtItsPath() throws Exception {
    HttpResponse<InputStream> response =
        send(
            APOLLO_ACCEPT,
            "query Top { topProducts(first: 2) { name ... @defer(label: \"reviews\") {"
                + " reviews { body } } } }");
    assertEquals(200, response.statusCode());
    assertEquals(
        "multipart/mixed; boundary=\"-\"; deferSpec=20220824",
        response.headers().firstValue("content-type").orElseThrow());

    List<Map<String, Object>> parts = readParts(response.body());

    assertEquals(2, parts.size(), parts.toString());
    Map<String, Object> initial = parts.get(0);
    assertEquals(true, initial.get("hasNext"));
    assertEquals(
        Map.of("topProducts", List.of(Map.of("name", "Table"), Map.of("name", "Couch"))),
        initial.get("data"),
        "the initial payload has no deferred field");
    Map<String, Object> later = parts.get(1);
    assertEquals(false, later.get("hasNext"));
    List<Map<String, Object>> incremental = (List<Map<String, Object>>) later.get("incremental");
    assertEquals(2, incremental.size(), later.toString());
    assertEquals(List.of("topProducts", 0), incremental.get(0).get("path"));
    assertEquals("reviews", incremental.get(0).get("label"));
    assertEquals(
        Map.of("reviews", List.of(Map.of("body", "Love it"))), incremental.get(0).get("data"));
    assertEquals(
        Map.of("reviews", List.of(Map.of("body", "Too soft"), Map.of("body", "Sturdy"))),
        incremental.get(1).get("data"));
    assertEquals(List.of("topProducts", 1), incremental.get(1).get("path"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void sendsOnePartPerDeferredFragmentIncludingNamedOnesAtTheRoot() throws Exception {
    List<Map<String, Object>> parts =
        readParts(
            send(
                    APOLLO_ACCEPT,
                    "{ topProducts(first: 1) { name } ...Me @defer } fragment Me on Query { me {"
                        + " name } }")
                .body());
    assertEquals(2, parts.size(), parts.toString());
    Map<String, Object> incremental =
        ((List<Map<String, Object>>) parts.get(1).get("incremental")).getFirst();
    assertEquals(List.of(), incremental.get("path"));
    assertEquals(Map.of("me", Map.of("name", "Alice")), incremental.get("data"));
  }

  /**
   * The users subgraph hangs: the initial payload is read from the open stream long before the
   * deferred part, which comes at the users timeout (3 s in {@link ShopResource}) with the error.
   */
  @Test
  @SuppressWarnings("unchecked")
  void streamsTheInitialPayloadBeforeASlowDeferredPartArrives() throws Exception {
    ShopResource.shop.users.mode(FixtureSubgraph.Mode.HANG);
    try {
      long start = System.nanoTime();
      HttpResponse<InputStream> response =
          send(APOLLO_ACCEPT, "{ topProducts(first: 1) { name } ... @defer { me { name } } }");
      InputStream in = response.body();
      String first = readUntilDelimiter(in, 2);
      long firstMillis = (System.nanoTime() - start) / 1_000_000;
      String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      long restMillis = (System.nanoTime() - start) / 1_000_000;

      assertTrue(first.contains("\"hasNext\":true"), first);
      assertTrue(first.contains("Table"), first);
      assertTrue(firstMillis < 2500, "initial payload after " + firstMillis + " ms");
      assertTrue(restMillis >= 2900, "deferred part after " + restMillis + " ms");
      List<Map<String, Object>> parts = readParts(first + rest);
      Map<String, Object> incremental =
          ((List<Map<String, Object>>) parts.get(1).get("incremental")).getFirst();
      List<Map<String, Object>> errors = (List<Map<String, Object>>) incremental.get("errors");
      assertEquals(
          "UNAVAILABLE", ((Map<String, Object>) errors.getFirst().get("extensions")).get("code"));
      assertEquals(false, parts.get(1).get("hasNext"));
    } finally {
      ShopResource.shop.users.mode(FixtureSubgraph.Mode.ANSWER);
    }
  }

  /** Reads until the {@code n}-th part delimiter has been seen, byte by byte as they arrive. */
  private static String readUntilDelimiter(InputStream in, int n) throws Exception {
    StringBuilder text = new StringBuilder();
    int seen = 0;
    int b;
    while (seen < n && (b = in.read()) >= 0) {
      text.append((char) b);
      if (text.length() >= 5 && text.substring(text.length() - 5).equals("\r\n---")) {
        seen++;
      }
    }
    return text.toString();
  }

  @Test
  void answersOneJsonDocumentToClientsThatDoNotAskForMultipart() throws Exception {
    HttpResponse<InputStream> response =
        send(
            "application/json",
            "{ topProducts(first: 1) { name ... @defer { reviews { body } } } }");
    assertTrue(
        response.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
    Map<?, ?> body = JSON.readValue(response.body(), Map.class);
    assertEquals(
        Map.of(
            "topProducts",
            List.of(Map.of("name", "Table", "reviews", List.of(Map.of("body", "Love it"))))),
        body.get("data"));
  }

  /**
   * The parts of a {@code boundary="-"} multipart body; fails unless the body starts with a
   * delimiter and ends with the closing one.
   */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> readParts(InputStream in) throws Exception {
    return readParts(new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> readParts(String text) throws Exception {
    assertTrue(text.startsWith("\r\n---\r\n"), text);
    assertTrue(text.endsWith("\r\n-----\r\n"), text);
    List<Map<String, Object>> parts = new ArrayList<>();
    String inner = text.substring("\r\n---".length(), text.length() - "--\r\n".length());
    for (String part : inner.split("\r\n---")) {
      int blank = part.indexOf("\r\n\r\n");
      assertTrue(part.toLowerCase().contains("content-type: application/json"), part);
      parts.add(JSON.readValue(part.substring(blank + 4), Map.class));
    }
    return parts;
  }
}
