package dev.podgraph.devinfra;

/** A PostgreSQL server the project can use: the machine's own, or an embedded one it started. */
public record PostgresServer(
    String host, int port, String user, String password, boolean embedded) {

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }
}
