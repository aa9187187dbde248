package dev.podgraph.devinfra;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Expands the repetitions a hostile corpus file writes once instead of thousands of times. Any
 * object {@code {"repeat": ITEM, "times": N}} in a case's {@code json} becomes:
 *
 * <ul>
 *   <li>when ITEM is a string: one string, {@code prefix} + ITEM for i = 0..N-1 + {@code suffix} (a
 *       query with 20,000 aliases is {@code {"repeat": "a{i}: __typename ", "times": 20000,
 *       "prefix": "{ ", "suffix": "}"}});
 *   <li>otherwise: an array of N copies of ITEM (1,001 entity representations).
 * </ul>
 *
 * <p>In every string of ITEM, {@code {i}} is the index in decimal and {@code {x12}} the index in
 * hexadecimal padded to 12 digits (the last group of a UUID).
 */
final class CorpusTemplates {
  private CorpusTemplates() {}

  static JsonValue expand(JsonValue value) {
    return expand(value, -1);
  }

  private static JsonValue expand(JsonValue value, int index) {
    return switch (value) {
      case JsonObject o when o.containsKey("repeat") && o.get("times") instanceof JsonNumber n ->
          repeat(o, n.intValueExact());
      case JsonObject o -> {
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
          out.add(e.getKey(), expand(e.getValue(), index));
        }
        yield out.build();
      }
      case JsonArray a -> {
        JsonArrayBuilder out = Json.createArrayBuilder();
        a.forEach(item -> out.add(expand(item, index)));
        yield out.build();
      }
      case JsonString s when index >= 0 -> Json.createValue(substitute(s.getString(), index));
      default -> value;
    };
  }

  private static JsonValue repeat(JsonObject template, int times) {
    JsonValue item = template.get("repeat");
    if (item instanceof JsonString s) {
      StringBuilder text = new StringBuilder(template.getString("prefix", ""));
      for (int i = 0; i < times; i++) {
        text.append(substitute(s.getString(), i));
      }
      return Json.createValue(text.append(template.getString("suffix", "")).toString());
    }
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (int i = 0; i < times; i++) {
      items.add(expand(item, i));
    }
    return items.build();
  }

  private static String substitute(String text, int index) {
    return text.replace("{i}", Integer.toString(index))
        .replace("{x12}", String.format("%012x", index));
  }
}
