package dev.podgraph.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/**
 * An embedded Redis on a port of its own, which a test may stop and start again while a service
 * uses it (to prove the service survives Redis going away).
 */
public final class ThrowawayRedis {
  private final int port;
  private RedisServer server;

  private ThrowawayRedis(int port) {
    this.port = port;
  }

  public static ThrowawayRedis start() {
    ThrowawayRedis redis = new ThrowawayRedis(Ports.free());
    redis.restart();
    return redis;
  }

  public int port() {
    return port;
  }

  public String uri(int database) {
    return new RedisServerAddress("127.0.0.1", port, true).uri(database);
  }

  public synchronized boolean running() {
    return server != null && server.isActive();
  }

  public synchronized void restart() {
    if (running()) {
      return;
    }
    server = LocalRedis.embeddedOn(port);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start an embedded Redis on port " + port, e);
    }
  }

  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop the embedded Redis on port " + port, e);
    } finally {
      server = null;
    }
  }
}
