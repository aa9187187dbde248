package dev.podgraph.gateway.trace;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.ShopResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the OTLP exporter on, one request's trace reaches an OTLP receiver started by the test: the
 * server span, the gateway's validate/plan/execute spans and a span per subgraph fetch, all under
 * the client's trace id (read from the protobuf bytes: span names and the 16-byte trace id).
 */
@QuarkusTest
@TestProfile(OtlpExportTest.Exporting.class)
@QuarkusTestResource(value = ShopResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OtlpReceiver.class, restrictToAnnotatedClass = true)
class OtlpExportTest {

  public static class Exporting implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.otel.traces.exporter", "cdi");
    }
  }

  @Test
  void exportsTheGatewayAndSubgraphFetchSpansOfARequestUnderTheClientsTraceId() throws Exception {
    String traceId = "0af7651916cd43dd8448eb211c80319c";
    given()
        .contentType(ContentType.JSON)
        .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
        .body("{\"query\": \"{ topProducts(first: 1) { name reviews { body } } }\"}")
        .post("/graphql")
        .then()
        .statusCode(200);

    byte[] id = HexFormat.of().parseHex(traceId);
    String[] names = {
      "graphql.validate", "graphql.plan", "graphql.execute", "subgraph products", "subgraph reviews"
    };
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (missing(names, id) != null && System.nanoTime() < deadline) {
      OtlpReceiver.awaitExport((deadline - System.nanoTime()) / 1_000_000);
    }
    String missing = missing(names, id);
    assertTrue(missing == null, "not exported: " + missing);
  }

  /** The first span name (or the trace id) not yet exported, null when all were. */
  private static String missing(String[] names, byte[] id) {
    String all = exported();
    for (String name : names) {
      if (!all.contains(name)) {
        return name;
      }
    }
    return all.contains(new String(id, StandardCharsets.ISO_8859_1)) ? null : "the trace id";
  }

  private static String exported() {
    StringBuilder all = new StringBuilder();
    OtlpReceiver.EXPORTS.forEach(b -> all.append(new String(b, StandardCharsets.ISO_8859_1)));
    return all.toString();
  }
}
