package dev.podgraph.gateway.persisted;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.podgraph.gateway.fixture.ShopResource;
import dev.podgraph.gateway.fixture.TrustedManifests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Manifest operations next to ordinary ones (the default mode, {@code allow-unlisted}). */
@QuarkusTest
@QuarkusTestResource(value = ShopResource.class, restrictToAnnotatedClass = true)
class TrustedDocumentsOptionalTest {

  @Test
  void runsAnApolloManifestOperationByItsHashWithoutEverSendingTheText() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
                + Sha256.hex(TrustedManifests.TOP_PRODUCTS)
                + "\"}}}")
        .post("/graphql")
        .then()
        .body("data.topProducts[0].name", equalTo("Table"));
  }

  @Test
  void runsAKeyValueManifestOperationByDocumentIdOverPostAndGet() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"documentId\":\"" + TrustedManifests.ME_ID + "\"}")
        .post("/graphql")
        .then()
        .body("data.me.name", equalTo("Alice"));
    given()
        .queryParam("documentId", TrustedManifests.ME_ID)
        .get("/graphql")
        .then()
        .body("data.me.name", equalTo("Alice"));
  }

  @Test
  void answersNotFoundForAnUnknownDocumentId() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"documentId\":\"shop-app~1.0~nope\"}")
        .post("/graphql")
        .then()
        .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
  }

  @Test
  void stillRunsOperationsThatAreNotInTheManifest() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"query\":\"{ topProducts(first: 1) { price } }\"}")
        .post("/graphql")
        .then()
        .body("data.topProducts[0].price", equalTo(899));
  }
}
