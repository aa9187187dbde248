package dev.podgraph.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where things are in the repository, and the facts docs/CONVENTIONS.md fixes for every module. */
final class Repo {
  static final List<String> SERVICES = List.of("catalog-service", "guest-service", "gateway");
  static final List<String> SUBGRAPHS = List.of("catalog-service", "guest-service");
  static final List<String> ENVIRONMENTS = List.of("local", "production");

  /**
   * The Secrets production references but does not render: the platform team creates them (or an
   * ExternalSecret does) under exactly these names and keys before the first apply. Each is
   * documented in deploy/README.md and in deploy/examples/external-secrets.yaml.
   */
  static final Map<String, java.util.Set<String>> PLATFORM_SECRETS =
      Map.of(
          "catalog-postgres-credentials", java.util.Set.of("username", "password"),
          "catalog-redis-credentials", java.util.Set.of("password"),
          "guest-postgres-credentials", java.util.Set.of("username", "password"),
          "guest-redis-credentials", java.util.Set.of("password"),
          "gateway-redis-credentials", java.util.Set.of("password"),
          "gateway-tls", java.util.Set.of("tls.crt", "tls.key"));

  private static final Pattern PORT_ROW =
      Pattern.compile("(?m)^\\| *([a-z-]+) *\\| *(\\d+) *\\| *(\\d+) *\\|");

  private Repo() {}

  static java.util.stream.Stream<String> subgraphs() {
    return SUBGRAPHS.stream();
  }

  static java.util.stream.Stream<String> services() {
    return SERVICES.stream();
  }

  static java.util.stream.Stream<String> environments() {
    return ENVIRONMENTS.stream();
  }

  static java.util.stream.Stream<String> servicesForLocal() {
    return SERVICES.stream();
  }

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("docs/CONVENTIONS.md"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("run from inside the Podgraph repository");
    }
    return dir;
  }

  static Path deploy() {
    return root().resolve("deploy");
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The service ports of the "Ports, paths" table in docs/CONVENTIONS.md. */
  static Map<String, Integer> conventionPorts() {
    return conventionPortColumn(2);
  }

  /** The management ports (health, metrics) of the same table. */
  static Map<String, Integer> conventionManagementPorts() {
    return conventionPortColumn(3);
  }

  private static Map<String, Integer> conventionPortColumn(int group) {
    String text = read(root().resolve("docs/CONVENTIONS.md"));
    Map<String, Integer> ports = new LinkedHashMap<>();
    Matcher m = PORT_ROW.matcher(text);
    while (m.find()) {
      if (SERVICES.contains(m.group(1))) {
        ports.put(m.group(1), Integer.parseInt(m.group(group)));
      }
    }
    if (!ports.keySet().containsAll(SERVICES)) {
      throw new IllegalStateException("docs/CONVENTIONS.md lists ports only for " + ports.keySet());
    }
    return ports;
  }

  /**
   * The short name a service's database, Redis and Secrets are named after: catalog, guest,
   * gateway.
   */
  static String shortName(String service) {
    int dash = service.indexOf('-');
    return dash < 0 ? service : service.substring(0, dash);
  }
}
