package dev.podgraph.devinfra;

/** A Redis server the project can use: the machine's own, or an embedded one it started. */
public record RedisServerAddress(String host, int port, boolean embedded) {

  /** The URI Quarkus' redis client takes, selecting one logical database of the server. */
  public String uri(int database) {
    return "redis://" + host + ":" + port + "/" + database;
  }
}
