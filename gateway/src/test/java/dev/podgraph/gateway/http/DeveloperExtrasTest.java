package dev.podgraph.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.gateway.fixture.ShopResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The query plan on request (Apollo Router's header) and compressed answers over HTTP. */
@QuarkusTest
@QuarkusTestResource(value = ShopResource.class, restrictToAnnotatedClass = true)
class DeveloperExtrasTest {

  private static final String INTROSPECTION =
      "{\"query\": \"{ __schema { types { name fields { name args { name } } } } }\"}";

  @TestHTTPResource("/graphql")
  URL graphql;

  @Test
  void returnsTheQueryPlanInExtensionsWhenTheDeveloperHeaderAsksForIt() {
    given()
        .contentType(ContentType.JSON)
        .header("Apollo-Query-Plan-Experimental", "true")
        .body("{\"query\": \"{ topProducts(first: 1) { name reviews { body } } }\"}")
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("data.topProducts[0].name", equalTo("Table"))
        .body("extensions.apolloQueryPlan.object.kind", equalTo("QueryPlan"))
        .body("extensions.apolloQueryPlan.object.node.kind", equalTo("Sequence"))
        .body("extensions.apolloQueryPlan.object.node.nodes[0].serviceName", equalTo("products"))
        .body("extensions.apolloQueryPlan.object.node.nodes[1].kind", equalTo("Flatten"))
        .body("extensions.apolloQueryPlan.text", containsString("Fetch(service: \"reviews\")"));
  }

  @Test
  void leavesThePlanOutWithoutTheHeader() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"query\": \"{ topProducts(first: 1) { name } }\"}")
        .post("/graphql")
        .then()
        .body("extensions", nullValue());
  }

  @Test
  void gzipsALargeAnswerForAClientThatAcceptsIt() throws Exception {
    HttpResponse<byte[]> response = post(Optional.of("gzip"));
    assertEquals(Optional.of("gzip"), response.headers().firstValue("content-encoding"));
    byte[] json = new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes();
    Map<?, ?> body = new ObjectMapper().readValue(json, Map.class);
    assertTrue(body.get("data") instanceof Map<?, ?>, body.toString());
    assertTrue(response.body().length * 3 < json.length, "compressed to less than a third");
  }

  @Test
  void answersInBrotliToABrowserThatAcceptsItBesideGzip() throws Exception {
    HttpResponse<byte[]> response = post(Optional.of("gzip, deflate, br"));
    assertEquals(Optional.of("br"), response.headers().firstValue("content-encoding"));
    Brotli4jLoader.ensureAvailability();
    DirectDecompress json = Decoder.decompress(response.body());
    assertEquals(DecoderJNI.Status.DONE, json.getResultStatus());
    Map<?, ?> body = new ObjectMapper().readValue(json.getDecompressedData(), Map.class);
    assertTrue(body.get("data") instanceof Map<?, ?>, body.toString());
    assertTrue(
        response.body().length * 3 < json.getDecompressedData().length,
        "compressed to less than a third");
  }

  @Test
  void sendsPlainJsonToAClientThatDoesNotAcceptGzip() throws Exception {
    HttpResponse<byte[]> response = post(Optional.empty());
    assertEquals(Optional.empty(), response.headers().firstValue("content-encoding"));
    assertTrue(new ObjectMapper().readValue(response.body(), Map.class).containsKey("data"));
  }

  private HttpResponse<byte[]> post(Optional<String> acceptEncoding) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(graphql.toString()))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(INTROSPECTION));
    acceptEncoding.ifPresent(value -> request.header("accept-encoding", value));
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
