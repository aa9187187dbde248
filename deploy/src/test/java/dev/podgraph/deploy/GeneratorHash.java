package dev.podgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The name suffix kustomize gives generated ConfigMaps and Secrets, reimplemented from kustomize's
 * hasher: SHA-256 of the Go {@code json.Marshal} of {kind, name, data[, type]} with sorted keys,
 * the first ten hex digits with vowels and look-alike digits swapped out.
 */
final class GeneratorHash {
  private GeneratorHash() {}

  static String suffix(String kind, String name, JsonNode data, String secretType) {
    Map<String, Object> top = new TreeMap<>();
    top.put("kind", kind);
    top.put("name", "");
    Map<String, String> values = new TreeMap<>();
    if (data != null) {
      data.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    }
    top.put("data", values);
    if (secretType != null) {
      top.put("type", secretType);
    }
    return encode(sha256Hex(goJson(top)));
  }

  static String encode(String hex) {
    StringBuilder out = new StringBuilder(10);
    for (char c : hex.substring(0, 10).toCharArray()) {
      out.append(
          switch (c) {
            case '0' -> 'g';
            case '1' -> 'h';
            case '3' -> 'k';
            case 'a' -> 'm';
            case 'e' -> 't';
            default -> c;
          });
    }
    return out.toString();
  }

  private static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Go's json.Marshal of nested sorted maps of strings: no spaces, HTML characters escaped. */
  static String goJson(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(e.getKey().toString(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else {
      writeString(value.toString(), out);
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
