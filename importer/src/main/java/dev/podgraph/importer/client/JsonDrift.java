package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Whether what the API returns differs from what the importer would send. Only the fields the
 * importer sends are compared (the API adds ids, timestamps, versions); null, missing and an empty
 * string count as the same absence, because services may normalise one into another.
 */
final class JsonDrift {
  private JsonDrift() {}

  static boolean differs(JsonNode wanted, JsonNode stored) {
    if (absent(wanted) || absent(stored)) {
      return absent(wanted) != absent(stored);
    }
    if (wanted.isObject()) {
      for (Map.Entry<String, JsonNode> field : wanted.properties()) {
        if (differs(field.getValue(), stored.get(field.getKey()))) {
          return true;
        }
      }
      return false;
    }
    if (wanted.isArray()) {
      if (!stored.isArray() || stored.size() != wanted.size()) {
        return true;
      }
      for (int i = 0; i < wanted.size(); i++) {
        if (differs(wanted.get(i), stored.get(i))) {
          return true;
        }
      }
      return false;
    }
    if (wanted.isNumber() && stored.isNumber()) {
      return wanted.decimalValue().compareTo(stored.decimalValue()) != 0;
    }
    return !wanted.asText().equals(stored.asText());
  }

  private static boolean absent(JsonNode node) {
    return node == null
        || node.isNull()
        || node.isMissingNode()
        || (node.isTextual() && node.asText().isEmpty());
  }
}
