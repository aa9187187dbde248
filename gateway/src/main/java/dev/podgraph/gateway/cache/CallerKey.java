package dev.podgraph.gateway.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What of the caller is part of a cache key: the headers the gateway forwards to subgraphs (those
 * are all a subgraph can tell callers apart by), trace headers aside, as a SHA-256 digest so that
 * no token sits in memory as a key. Anonymous callers (no such header) share one key, {@code ""}.
 */
final class CallerKey {
  private static final Set<String> NOT_PART_OF_THE_KEY = Set.of("traceparent", "tracestate");

  private CallerKey() {}

  static String of(Map<String, String> headers) {
    Map<String, String> sorted = new TreeMap<>();
    headers.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (!NOT_PART_OF_THE_KEY.contains(lower) && value != null && !value.isEmpty()) {
            sorted.put(lower, value);
          }
        });
    if (sorted.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    sorted.forEach((name, value) -> text.append(name).append(':').append(value).append('\n'));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
