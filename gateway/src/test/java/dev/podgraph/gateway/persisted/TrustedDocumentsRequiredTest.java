package dev.podgraph.gateway.persisted;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.podgraph.gateway.fixture.ShopResource;
import dev.podgraph.gateway.fixture.TrustedManifests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production's mode: only operations from the manifests run (a boot of its own). */
@QuarkusTest
@TestProfile(TrustedDocumentsRequiredTest.Required.class)
@QuarkusTestResource(value = ShopResource.class, restrictToAnnotatedClass = true)
class TrustedDocumentsRequiredTest {

  public static class Required implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("gateway.trusted-documents.mode", "require");
    }
  }

  private static io.restassured.response.ValidatableResponse post(String body) {
    return given().contentType(ContentType.JSON).body(body).post("/graphql").then();
  }

  @Test
  void refusesAnOperationThatIsNotInTheManifest() {
    post("{\"query\":\"{ topProducts(first: 1) { price } }\"}")
        .statusCode(200)
        .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"))
        .body("data", equalTo(null));
  }

  @Test
  void refusesToRegisterAnAutomaticPersistedQuery() {
    String query = "{ topProducts(first: 1) { weight } }";
    post("{\"query\":\""
            + query
            + "\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
            + Sha256.hex(query)
            + "\"}}}")
        .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"));
  }

  @Test
  void runsManifestOperationsByIdByHashAndAsTheirExactText() {
    post("{\"documentId\":\"" + TrustedManifests.ME_ID + "\"}")
        .body("data.me.name", equalTo("Alice"));
    post("{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
            + Sha256.hex(TrustedManifests.TOP_PRODUCTS)
            + "\"}}}")
        .body("data.topProducts[0].name", equalTo("Table"));
    post("{\"query\":\"" + TrustedManifests.TOP_PRODUCTS + "\"}")
        .body("data.topProducts[0].name", equalTo("Table"));
  }
}
