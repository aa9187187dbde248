package dev.podgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch for the fields deploy/ patches: maps merge, lists with a Kubernetes merge
 * key merge element by element, other lists are replaced whole (as they are in Kubernetes, where
 * they have no merge key). Patch directives and merge keys not listed here are refused.
 */
final class StrategicMerge {
  private static final Map<String, String> MERGE_KEYS =
      Map.of(
          "containers", "name",
          "initContainers", "name",
          "env", "name",
          "volumes", "name",
          "volumeMounts", "mountPath");

  /** Lists that do have a merge key in Kubernetes, one that depends on where they sit. */
  private static final Set<String> UNSUPPORTED_LISTS =
      Set.of("ports", "tolerations", "imagePullSecrets", "envFrom", "topologySpreadConstraints");

  private StrategicMerge() {}

  static void apply(ObjectNode target, ObjectNode patch, String where) {
    merge(target, patch, where, "");
  }

  private static void merge(ObjectNode target, ObjectNode patch, String where, String path) {
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      String field = e.getKey();
      JsonNode value = e.getValue();
      String here = path + "/" + field;
      if (field.startsWith("$")) {
        throw new UnsupportedKustomizeFeatureException(where + ": patch directive " + here);
      }
      JsonNode current = target.get(field);
      if (value.isNull()) {
        target.remove(field);
      } else if (value instanceof ObjectNode p && current instanceof ObjectNode t) {
        merge(t, p, where, here);
      } else if (value instanceof ArrayNode p && MERGE_KEYS.containsKey(field)) {
        ArrayNode t = current instanceof ArrayNode a ? a : target.putArray(field);
        mergeList(t, p, MERGE_KEYS.get(field), where, here);
      } else if (value instanceof ArrayNode // into a missing or empty list it goes as it is
          && UNSUPPORTED_LISTS.contains(field)
          && current != null
          && !current.isEmpty()) {
        throw new UnsupportedKustomizeFeatureException(where + ": merging list " + here);
      } else {
        target.set(field, value.deepCopy());
      }
    }
  }

  /**
   * Elements the patch adds go before the existing ones, in patch order, as kustomize puts them.
   */
  private static void mergeList(
      ArrayNode target, ArrayNode patch, String key, String where, String path) {
    int inserted = 0;
    for (JsonNode element : patch) {
      if (!(element instanceof ObjectNode p) || !p.hasNonNull(key)) {
        throw new InvalidKustomizationException(where + ": element of " + path + " without " + key);
      }
      ObjectNode match = null;
      for (JsonNode t : target) {
        if (t.path(key).equals(p.get(key))) {
          match = (ObjectNode) t;
        }
      }
      if (match == null) {
        target.insert(inserted++, p.deepCopy());
      } else {
        merge(match, p, where, path + "[" + key + "=" + p.get(key).asText() + "]");
      }
    }
  }
}
