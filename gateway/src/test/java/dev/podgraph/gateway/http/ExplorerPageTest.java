package dev.podgraph.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.ShopResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The GraphiQL page for browsers on {@code GET /graphql}; JSON clients see no difference. */
@QuarkusTest
@QuarkusTestResource(value = ShopResource.class, restrictToAnnotatedClass = true)
class ExplorerPageTest {

  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @Test
  void greetsABrowserWithGraphiQLFromAssetsBundledInTheBuild() {
    String page =
        given()
            .accept(BROWSER_ACCEPT)
            .get("/graphql")
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .header("vary", containsString("accept"))
            .body(containsString("GraphiQL.createFetcher({ url: window.location.pathname })"))
            .extract()
            .asString();
    assertFalse(page.contains("https://"), "the page loads something from another host");
    java.util.regex.Matcher asset =
        java.util.regex.Pattern.compile("(?:src|href)=\"(/graphql-ui/[^\"]+)\"").matcher(page);
    int served = 0;
    while (asset.find()) {
      String path = asset.group(1);
      given()
          .get(path)
          .then()
          .statusCode(200)
          .contentType(containsString(path.endsWith(".css") ? "text/css" : "javascript"));
      served++;
    }
    assertEquals(4, served, "GraphiQL's script and style sheet, React and ReactDOM");
  }

  @Test
  void answersAnOperationInTheUrlWithJsonEvenForABrowser() {
    given()
        .accept(BROWSER_ACCEPT)
        .queryParam("query", "{ __typename }")
        .get("/graphql")
        .then()
        .statusCode(200)
        .contentType(containsString("application/json"))
        .body("data.__typename", equalTo("Query"));
  }

  @Test
  void leavesJsonClientsWithoutAQueryTheirGraphQLError() {
    given()
        .accept("application/json")
        .get("/graphql")
        .then()
        .contentType(containsString("application/json"))
        .header("vary", containsString("accept"))
        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
  }

  @Test
  void isOffWhenDisabled() {
    assertTrue(ExplorerPage.wanted(true, BROWSER_ACCEPT, false));
    assertFalse(ExplorerPage.wanted(false, BROWSER_ACCEPT, false));
    assertFalse(ExplorerPage.wanted(true, "application/json", false));
    assertFalse(ExplorerPage.wanted(true, null, false));
  }
}
