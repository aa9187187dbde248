package dev.podgraph.launcher;

import dev.podgraph.devinfra.LocalPostgres;
import dev.podgraph.devinfra.LocalRedis;
import dev.podgraph.devinfra.PostgresFaults;
import dev.podgraph.devinfra.PostgresServer;
import dev.podgraph.devinfra.RedisServerAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system as child processes: catalog-service and guest-service on their own databases and
 * Redis logical databases, and the gateway over the supergraph composed from their SDLs. The run
 * command and the system tests start it the same way, with different {@link Layout}s.
 */
public final class PodgraphSystem implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  /**
   * Where the system keeps things and which names and ports it takes. Redis: catalog-service uses
   * database {@code firstRedisDatabase}, guest-service the next one, the gateway the one after.
   */
  public record Layout(
      Path root,
      Path workDir,
      RunPorts ports,
      String catalogDatabase,
      String guestDatabase,
      int firstRedisDatabase,
      boolean freshDatabases) {

    /** The run command's: documented ports, databases kept across runs. */
    public static Layout forRun(Path root) {
      Path work = root.resolve(".podgraph");
      return new Layout(root, work, RunPorts.fromEnvironment(), "catalog", "guest", 1, false);
    }
  }

  private final Layout layout;
  private final Map<String, String> envForAll;
  private final List<ServiceProcess> started = new ArrayList<>();
  private ServiceProcess gateway;

  private PodgraphSystem(Layout layout, Map<String, String> envForAll) {
    this.layout = layout;
    this.envForAll = Map.copyOf(envForAll);
  }

  public static PodgraphSystem start(Layout layout) throws IOException, InterruptedException {
    return start(layout, Map.of());
  }

  /**
   * As {@link #start(Layout)}, with settings given to every service (tests: an OTLP receiver for
   * all three, for example); a service's own settings win over them.
   */
  public static PodgraphSystem start(Layout layout, Map<String, String> envForAll)
      throws IOException, InterruptedException {
    PodgraphSystem system = new PodgraphSystem(layout, envForAll);
    try {
      system.startAll();
      return system;
    } catch (IOException | InterruptedException | RuntimeException e) {
      system.close();
      throw e;
    }
  }

  private void startAll() throws IOException, InterruptedException {
    Path logs = layout.workDir().resolve("logs");
    Files.createDirectories(logs);
    layout.ports().requireFree();
    PostgresServer pg = LocalPostgres.server(layout.workDir().resolve("pgdata"));
    RedisServerAddress redis = LocalRedis.server();
    PodgraphRun.say(
        "PostgreSQL %s:%d%s, Redis %s:%d%s",
        pg.host(),
        pg.port(),
        pg.embedded() ? " (embedded)" : "",
        redis.host(),
        redis.port(),
        redis.embedded() ? " (embedded)" : "");
    int redisDb = layout.firstRedisDatabase();
    if (layout.freshDatabases()) {
      for (int db = redisDb; db < redisDb + 3; db++) {
        LocalRedis.flushDatabase(redis, db);
      }
    }

    ServiceProcess catalog =
        start(
            "catalog-service",
            layout.ports().catalog(),
            subgraphEnv(pg, database(layout.catalogDatabase()), redis.uri(redisDb)),
            logs);
    Map<String, String> guestEnv =
        subgraphEnv(pg, database(layout.guestDatabase()), redis.uri(redisDb + 1));
    // guest-service replays catalog-service's change feed (episodes deleted, hidden, shown).
    guestEnv.put("GUEST_CATALOG_FEED_URL", catalog.baseUrl() + "/internal/episode-changes");
    ServiceProcess guest = start("guest-service", layout.ports().guest(), guestEnv, logs);
    catalog.awaitReady(START_TIMEOUT);
    guest.awaitReady(START_TIMEOUT);
    PodgraphRun.say(
        "catalog-service ready at %s, guest-service ready at %s",
        catalog.baseUrl(), guest.baseUrl());

    // Development mode of the gateway: it composes the supergraph from the subgraphs' own
    // _service { sdl } (production reads a committed supergraph file instead, see deploy/).
    Map<String, String> gatewayEnv = new HashMap<>();
    // The gateway's own Redis (persisted queries): the database after the services' two.
    gatewayEnv.put("QUARKUS_REDIS_HOSTS", redis.uri(redisDb + 2));
    gatewayEnv.put(
        "GATEWAY_SUBGRAPHS",
        "catalog=" + catalog.baseUrl() + "/graphql,guest=" + guest.baseUrl() + "/graphql");
    gateway = start("gateway", layout.ports().gateway(), gatewayEnv, logs);
    gateway.awaitReady(START_TIMEOUT);
  }

  private String database(String name) {
    return layout.freshDatabases()
        ? LocalPostgres.recreateDatabase(name)
        : LocalPostgres.ensureDatabase(name);
  }

  private ServiceProcess start(String name, int port, Map<String, String> env, Path logs) {
    Path jar = layout.root().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    Map<String, String> all = new HashMap<>(envForAll);
    all.putAll(env);
    ServiceProcess process =
        ServiceProcess.start(name, jar, port, layout.ports().managementFor(port), all, logs);
    synchronized (started) {
      started.add(process);
    }
    return process;
  }

  private ServiceProcess find(String name) {
    synchronized (started) {
      return started.stream()
          .filter(s -> s.name().equals(name))
          .reduce((first, later) -> later)
          .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }
  }

  /** Base URL of a running service of the system: catalog-service, guest-service or gateway. */
  public String baseUrl(String service) {
    return find(service).baseUrl();
  }

  /** Where a running service serves health and metrics: its management interface. */
  public String managementUrl(String service) {
    return find(service).managementUrl();
  }

  /** The operating-system process id of a running service (the benchmarks read its CPU time). */
  public long pid(String service) {
    return find(service).process().pid();
  }

  /** Whether a running service was started with its JVM AOT cache ({@link StartupCache}). */
  public boolean usesStartupCache(String service) {
    return find(service).usesStartupCache();
  }

  /** Stops one service (SIGTERM, as Kubernetes would); {@link #restart} brings it back. */
  public void stop(String service) {
    find(service).stop();
  }

  /** Starts a stopped service again with the same port and settings and waits until ready. */
  public void restart(String service) throws InterruptedException {
    restart(service, Map.of());
  }

  /** As {@link #restart(String)}, with some environment variables changed or added. */
  public void restart(String service, Map<String, String> changedEnv) throws InterruptedException {
    ServiceProcess old = find(service);
    old.stop();
    ServiceProcess again = old.startAgain(changedEnv);
    synchronized (started) {
      started.set(started.indexOf(old), again);
    }
    again.awaitReady(START_TIMEOUT);
  }

  /**
   * Freezes a service (SIGSTOP): its port still accepts connections but nothing answers, the way a
   * hung process or a stuck node looks to its callers. {@link #resume} thaws it (SIGCONT).
   */
  public void pause(String service) throws IOException, InterruptedException {
    find(service).signal("STOP");
  }

  public void resume(String service) throws IOException, InterruptedException {
    find(service).signal("CONT");
  }

  /**
   * Cuts every connection the subgraphs hold to their databases ({@code pg_terminate_backend}, what
   * a PostgreSQL restart or failover does to their pools); returns how many were cut.
   */
  public int cutDatabaseConnections() {
    return PostgresFaults.terminateConnections(layout.catalogDatabase())
        + PostgresFaults.terminateConnections(layout.guestDatabase());
  }

  /**
   * Freezes the Redis server every service uses for {@code duration} ({@code CLIENT PAUSE ... ALL}:
   * connections stay open, no command is answered), the way a hung Redis looks to its clients.
   */
  public void pauseRedis(Duration duration) {
    LocalRedis.pauseClients(LocalRedis.server(), duration);
  }

  private static Map<String, String> subgraphEnv(PostgresServer pg, String jdbcUrl, String redis) {
    Map<String, String> env = new HashMap<>();
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
    env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
    env.put("QUARKUS_REDIS_HOSTS", redis);
    return env;
  }

  /** The gateway's GraphQL endpoint. */
  public String graphqlUrl() {
    return gateway.baseUrl() + "/graphql";
  }

  public String gatewayBaseUrl() {
    return gateway.baseUrl();
  }

  /** Blocks until any process of the system exits, and says which. */
  public void awaitAnyExit() {
    List<CompletableFuture<Process>> exits;
    synchronized (started) {
      exits = started.stream().map(s -> s.process().onExit()).toList();
    }
    CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).join();
    synchronized (started) {
      started.stream()
          .filter(s -> !s.process().isAlive())
          .forEach(
              s -> PodgraphRun.say("%s stopped (exit code %d)", s.name(), s.process().exitValue()));
    }
  }

  /** Stops the gateway first, then the services it calls. */
  @Override
  public void close() {
    List<ServiceProcess> toStop;
    synchronized (started) {
      toStop = new ArrayList<>(started);
      started.clear();
    }
    for (int i = toStop.size() - 1; i >= 0; i--) {
      toStop.get(i).stop();
    }
  }
}
