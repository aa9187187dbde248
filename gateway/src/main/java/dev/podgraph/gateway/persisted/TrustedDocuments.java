package dev.podgraph.gateway.persisted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operations a production gateway trusts, read once at start-up from manifests in the two
 * formats tooling writes: Apollo's {@code persisted-query-manifest.json} ({@code {"format":
 * "apollo-persisted-query-manifest","version":1,"operations":[{"id","name","type","body"}]}}) and
 * the key-value form of The Guild's and Relay's tooling ({@code {"<id>":"<document>"}}). Documents
 * are found by their id and by the SHA-256 of their text.
 */
public final class TrustedDocuments {
  public static final TrustedDocuments NONE = new TrustedDocuments(Map.of(), Set.of());

  private final Map<String, String> byId;
  private final Set<String> bodyHashes;

  private TrustedDocuments(Map<String, String> byId, Set<String> bodyHashes) {
    this.byId = byId;
    this.bodyHashes = bodyHashes;
  }

  /** Reads every manifest; a file that is missing or in neither format stops start-up. */
  public static TrustedDocuments load(Iterable<String> paths, ObjectMapper mapper) {
    Map<String, String> byId = new HashMap<>();
    for (String path : paths) {
      JsonNode root;
      try {
        root = mapper.readTree(Files.readString(Path.of(path.trim())));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the trusted documents manifest " + path, e);
      }
      read(path, root, byId);
    }
    Set<String> hashes = new HashSet<>();
    byId.values().forEach(body -> hashes.add(Sha256.hex(body)));
    return new TrustedDocuments(Map.copyOf(byId), Set.copyOf(hashes));
  }

  private static void read(String path, JsonNode root, Map<String, String> byId) {
    if (root == null || !root.isObject()) {
      throw new IllegalStateException(
          path + " is not a trusted documents manifest (a JSON object)");
    }
    if (root.has("format")) {
      if (!"apollo-persisted-query-manifest".equals(root.path("format").asText())
          || root.path("version").asInt() != 1
          || !root.path("operations").isArray()) {
        throw new IllegalStateException(
            path + ": only format apollo-persisted-query-manifest version 1 is understood");
      }
      for (JsonNode operation : root.path("operations")) {
        String id = operation.path("id").asText(null);
        String body = operation.path("body").asText(null);
        if (id == null || body == null) {
          throw new IllegalStateException(path + ": an operation without id or body");
        }
        byId.put(id, body);
      }
      return;
    }
    root.properties()
        .forEach(
            entry -> {
              if (!entry.getValue().isTextual()) {
                throw new IllegalStateException(
                    path + ": the value of " + entry.getKey() + " is not a document text");
              }
              byId.put(entry.getKey(), entry.getValue().asText());
            });
  }

  /** The document with this id; {@code sha256:<hex>} ids are also looked up without the prefix. */
  public Optional<String> byId(String id) {
    String found = byId.get(id);
    if (found == null && id.startsWith("sha256:")) {
      found = byId.get(id.substring("sha256:".length()));
    }
    return Optional.ofNullable(found);
  }

  /** Whether this exact text (by its SHA-256) is one of the trusted documents. */
  public boolean containsText(String query) {
    return bodyHashes.contains(Sha256.hex(query));
  }

  public int size() {
    return byId.size();
  }
}
