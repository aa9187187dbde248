package dev.podgraph.devinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CorpusTemplatesTest {
  private static JsonObject expand(String json) {
    return CorpusTemplates.expand(Json.createReader(new StringReader(json)).readObject())
        .asJsonObject();
  }

  @Test
  void aStringTemplateBecomesOneStringWithEachIndex() {
    JsonObject expanded =
        expand(
            """
            {"query": {"repeat": "a{i}: __typename ", "times": 3, "prefix": "{ ", "suffix": "}"}}""");

    assertEquals("{ a0: __typename a1: __typename a2: __typename }", expanded.getString("query"));
  }

  @Test
  void anObjectTemplateBecomesAnArrayWithHexIndexes() {
    JsonObject expanded =
        expand(
            """
            {"variables": {"r": {"repeat": {"__typename": "Episode",
              "id": "00000000-0000-0000-0000-{x12}"}, "times": 1001}}}""");

    JsonArray representations = expanded.getJsonObject("variables").getJsonArray("r");
    assertEquals(1001, representations.size());
    assertEquals(
        "00000000-0000-0000-0000-0000000003e8",
        representations.getJsonObject(1000).getString("id"));
    assertEquals("Episode", representations.getJsonObject(0).getString("__typename"));
  }

  @Test
  void everythingElseIsLeftAlone() {
    String plain = "{\"query\": \"{ a{i} }\", \"variables\": [\"{x12}\", 5, null]}";

    assertEquals(Json.createReader(new StringReader(plain)).readObject(), expand(plain));
  }

  @Test
  void theCorpusFilesExpandToTheirBombs() {
    var cases = HostileCorpus.load("podgraph/hostile/subgraph.json");
    var aliases =
        cases.stream().filter(c -> c.name().equals("20000 aliases")).findFirst().orElseThrow();
    String body = new String(aliases.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(true, body.contains("a19999: __typename }"), body.substring(body.length() - 80));
  }
}
