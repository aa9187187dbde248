package dev.podgraph.launcher;

import dev.podgraph.devinfra.DevTokens;
import java.nio.file.Path;

/**
 * The run command ({@code ./mvnw -Prun package}): PostgreSQL and Redis (the machine's, or embedded
 * ones keeping their data under {@code .podgraph/}), catalog-service, guest-service, the gateway
 * over their composed supergraph, and the seed show notes imported through the gateway. Ctrl-C
 * stops everything it started.
 */
public final class PodgraphRun {
  private PodgraphRun() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    PodgraphSystem system = PodgraphSystem.start(PodgraphSystem.Layout.forRun(root));
    Runtime.getRuntime().addShutdownHook(new Thread(system::close, "podgraph-stop"));
    say(
        "JVM AOT cache: %s",
        system.usesStartupCache("gateway")
            ? "used (each service's target/quarkus-app/app.aot)"
            : "not used (PODGRAPH_AOT_CACHE=true turns it on; README \"Performance\")");
    String graphql = system.graphqlUrl().replace("127.0.0.1", "localhost");
    SeedImport.run(graphql, DevTokens.editor());
    banner(graphql, root.resolve(".podgraph/logs"), system);
    system.awaitAnyExit();
    say("a process of the system stopped; stopping the rest");
  }

  private static void banner(String graphql, Path logs, PodgraphSystem system) {
    System.out.println(
        """

        Podgraph is running.
          GraphQL endpoint: %s   (logs: %s)
          In a browser the same address opens GraphiQL; front ends on any localhost port may call it.

          Try:
            curl -s %s -H 'Content-Type: application/json' \\
              -d '{"query":"{ episode(number: 201) { title guests { name episodes { number title } } } }"}'

          Editor token for mutations (valid 12 hours; see README, "Editor tokens"):
            Authorization: Bearer %s

          Health and metrics (management ports): %s/q/health/ready and /q/metrics;
          catalog-service %s, guest-service %s

          Ctrl-C stops everything this command started.
        """
            .formatted(
                graphql,
                logs,
                graphql,
                DevTokens.editor(),
                system.managementUrl("gateway").replace("127.0.0.1", "localhost"),
                system.managementUrl("catalog-service").replace("127.0.0.1", "localhost"),
                system.managementUrl("guest-service").replace("127.0.0.1", "localhost")));
  }

  static void say(String format, Object... args) {
    System.out.println("[podgraph] " + String.format(format, args));
  }
}
