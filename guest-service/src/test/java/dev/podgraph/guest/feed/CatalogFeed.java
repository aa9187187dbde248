package dev.podgraph.guest.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * catalog-service's episode change feed as tests need it, over real HTTP (the JDK's server on a
 * port of loopback): {@code GET /internal/episode-changes?after=&limit=} with the contract's JSON,
 * compacted to the newest change per episode. It can also misbehave on purpose: deliver a page
 * again, answer in small pages, or be down.
 */
public final class CatalogFeed {
  public static final String PATH = "/internal/episode-changes";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final List<Map<String, Object>> log = new ArrayList<>();
  private final Deque<List<Map<String, Object>>> redeliveries = new ArrayDeque<>();
  private final List<Long> asked = new CopyOnWriteArrayList<>();
  private long lastSeq;
  private String feedId = UUID.randomUUID().toString();
  private int maxPageSize = Integer.MAX_VALUE;
  private HttpServer server;

  private CatalogFeed(HttpServer server) {
    this.server = server;
    this.port = server.getAddress().getPort();
  }

  public static CatalogFeed start() {
    CatalogFeed feed = new CatalogFeed(bind(0));
    feed.serve();
    return feed;
  }

  public String url() {
    return "http://127.0.0.1:" + port + PATH;
  }

  /** Appends a change (VISIBLE, HIDDEN, DELETED), dropping the episode's older one; its seq. */
  public synchronized long publish(UUID episodeId, String change) {
    log.removeIf(c -> c.get("episodeId").equals(episodeId.toString()));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("seq", ++lastSeq);
    entry.put("episodeId", episodeId.toString());
    entry.put("change", change);
    entry.put("occurredAt", Instant.now().toString());
    log.add(entry);
    return lastSeq;
  }

  /** A change as catalog-service once sent it, for delivering it again. */
  public static Map<String, Object> change(long seq, UUID episodeId, String change) {
    return Map.of(
        "seq",
        seq,
        "episodeId",
        episodeId.toString(),
        "change",
        change,
        "occurredAt",
        Instant.now().toString());
  }

  /** Everything the feed holds now, in seq order. */
  public synchronized List<Map<String, Object>> changes() {
    return List.copyOf(log);
  }

  public synchronized long head() {
    return lastSeq;
  }

  /** The next request gets exactly these changes, whatever it asks for (at-least-once delivery). */
  public synchronized void redeliver(List<Map<String, Object>> changes) {
    redeliveries.add(List.copyOf(changes));
  }

  public synchronized boolean redeliveryPending() {
    return !redeliveries.isEmpty();
  }

  /** Answers at most this many changes per request, whatever the limit asked. */
  public synchronized void maxPageSize(int size) {
    maxPageSize = size;
  }

  /** The {@code after} of every request since the last {@link #forgetRequests}. */
  public List<Long> asked() {
    return List.copyOf(asked);
  }

  public void forgetRequests() {
    asked.clear();
  }

  /** Catalog goes away: the port refuses connections. */
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Catalog comes back on the same port. */
  public synchronized void restart() {
    if (server == null) {
      server = bind(port);
      serve();
    }
  }

  /** Catalog's database is replaced: the feed is empty and its sequence numbers start again. */
  public synchronized void startOver() {
    log.clear();
    lastSeq = 0;
    feedId = UUID.randomUUID().toString();
  }

  /** Back to a well-behaved feed that is up; what it published stays. */
  public synchronized void reset() {
    restart();
    redeliveries.clear();
    maxPageSize = Integer.MAX_VALUE;
  }

  private static HttpServer bind(int port) {
    try {
      return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void serve() {
    server.createContext(PATH, this::answer);
    server.start();
  }

  private void answer(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    long after = Long.parseLong(query.getOrDefault("after", "0"));
    int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
    asked.add(after);
    Map<String, Object> page = new LinkedHashMap<>();
    synchronized (this) {
      List<Map<String, Object>> changes = redeliveries.poll();
      if (changes == null) {
        changes =
            log.stream()
                .filter(c -> (long) c.get("seq") > after)
                .limit(Math.min(limit, maxPageSize))
                .toList();
      }
      page.put("feed", feedId);
      page.put("changes", changes);
      page.put("head", lastSeq);
    }
    byte[] body = JSON.writeValueAsBytes(page);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return params;
  }
}
