package dev.podgraph.devinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a Quarkus test boot its own PostgreSQL database (recreated empty, so only the migrations
 * shape it) and its own Redis logical database (flushed), on the machine's servers when they answer
 * and on embedded ones otherwise.
 *
 * <p>Init args: {@code database} (required unless a subclass names it), {@code redisDatabase}
 * (default 0). A service's tests subclass it once, naming the service's test database and Redis
 * database (catalog's {@code CatalogInfra}, guest's {@code GuestInfra}), and every test class names
 * that subclass, so they share one boot.
 */
public class PodgraphInfraResource implements QuarkusTestResourceLifecycleManager {
  private final String defaultDatabase;
  private final int defaultRedisDatabase;
  private String database;
  private int redisDatabase;

  public PodgraphInfraResource() {
    this(null, 0);
  }

  /** A service's own resource: its test database and Redis logical database unless args say. */
  protected PodgraphInfraResource(String database, int redisDatabase) {
    this.defaultDatabase = database;
    this.defaultRedisDatabase = redisDatabase;
  }

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", defaultDatabase);
    if (database == null) {
      throw new IllegalArgumentException("PodgraphInfraResource needs the init arg 'database'");
    }
    redisDatabase =
        Integer.parseInt(
            initArgs.getOrDefault("redisDatabase", Integer.toString(defaultRedisDatabase)));
  }

  @Override
  public Map<String, String> start() {
    PostgresServer pg = LocalPostgres.server();
    String jdbcUrl = LocalPostgres.recreateDatabase(database);
    RedisServerAddress redis = LocalRedis.server();
    LocalRedis.flushDatabase(redis, redisDatabase);
    return Map.of(
        "quarkus.datasource.jdbc.url", jdbcUrl,
        "quarkus.datasource.username", pg.user(),
        "quarkus.datasource.password", pg.password(),
        "quarkus.redis.hosts", redis.uri(redisDatabase));
  }

  @Override
  public void stop() {
    // The servers outlive a boot: the machine's are not ours to stop, embedded ones stop with the
    // JVM (a shutdown hook), so the next boot in the same test run reuses them.
  }
}
