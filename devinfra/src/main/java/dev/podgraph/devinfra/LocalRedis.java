package dev.podgraph.devinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;
import redis.embedded.RedisServer;

/**
 * Finds the Redis server for development and tests: {@code PODGRAPH_REDIS_HOST} / {@code
 * PODGRAPH_REDIS_PORT}, else the machine's own on 127.0.0.1:6379 when it answers, else an embedded
 * one started once per JVM.
 */
public final class LocalRedis {
  private static final Logger LOG = Logger.getLogger(LocalRedis.class);
  private static RedisServerAddress server;

  private LocalRedis() {}

  public static synchronized RedisServerAddress server() {
    if (server == null) {
      server = locate();
    }
    return server;
  }

  private static RedisServerAddress locate() {
    String host = Ports.env("PODGRAPH_REDIS_HOST", "127.0.0.1");
    int port = Ports.envInt("PODGRAPH_REDIS_PORT", 6379);
    if (Ports.reachable(host, port)) {
      LOG.infof("Using the Redis server at %s:%d", host, port);
      return new RedisServerAddress(host, port, false);
    }
    ThrowawayRedis embedded = ThrowawayRedis.start();
    Runtime.getRuntime().addShutdownHook(new Thread(embedded::stop));
    LOG.infof("No Redis at %s:%d: started an embedded one on port %d", host, port, embedded.port());
    return new RedisServerAddress("127.0.0.1", embedded.port(), true);
  }

  /** Empties one logical database, so a test run never sees a previous run's cache entries. */
  public static void flushDatabase(RedisServerAddress address, int database) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.host(), address.port()), 1000);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write(resp("SELECT", Integer.toString(database)));
      out.write(resp("FLUSHDB"));
      out.flush();
      InputStream in = socket.getInputStream();
      String replies = readLines(in, 2);
      if (!replies.equals("+OK\r\n+OK\r\n")) {
        throw new IllegalStateException("Redis refused FLUSHDB: " + replies.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not flush Redis database " + database, e);
    }
  }

  /**
   * Stops the server from answering any client for {@code duration} ({@code CLIENT PAUSE <ms> ALL},
   * Redis 6.2 or later): connections stay open and commands wait, as with a hung server. It ends by
   * itself; for drills and system tests on a Redis of their own run.
   */
  public static void pauseClients(RedisServerAddress address, Duration duration) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.host(), address.port()), 1000);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write(resp("CLIENT", "PAUSE", Long.toString(duration.toMillis()), "ALL"));
      out.flush();
      String reply = readLines(socket.getInputStream(), 1);
      if (!reply.equals("+OK\r\n")) {
        throw new IllegalStateException("Redis refused CLIENT PAUSE: " + reply.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not pause Redis", e);
    }
  }

  private static byte[] resp(String... parts) {
    StringBuilder sb = new StringBuilder("*").append(parts.length).append("\r\n");
    for (String part : parts) {
      sb.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
      sb.append(part).append("\r\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String readLines(InputStream in, int lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    int seen = 0;
    while (seen < lines) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      sb.append((char) b);
      if (b == '\n') {
        seen++;
      }
    }
    return sb.toString();
  }

  /** Starts an embedded Redis on a free port; for tests that stop Redis under a running service. */
  static RedisServer embeddedOn(int port) {
    try {
      return RedisServer.newRedisServer()
          .port(port)
          .bind("127.0.0.1")
          .setting("save \"\"")
          .setting("appendonly no")
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
