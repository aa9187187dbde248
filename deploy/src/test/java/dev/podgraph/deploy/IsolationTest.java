package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each subgraph has a PostgreSQL and a Redis of its own, and the NetworkPolicies let only it reach
 * them and only the gateway (and, for catalog-service, guest-service's change-feed consumer) reach
 * it. "Who may connect" is computed against the pods of every service's overlay of the same
 * environment, since they share a namespace.
 */
class IsolationTest {
  /** Names of the peers beyond the namespace ({@link #EXTERNAL_PEERS}). */
  static final String INGRESS_CONTROLLER = "(ingress controller)";

  static final String PROMETHEUS = "(prometheus)";
  static final String DNS = "(cluster DNS)";

  /**
   * The token issuer, whose JWKS the subgraphs fetch in production; 203.0.113.0/24 is the
   * placeholder the platform replaces with the issuer's (or an egress proxy's) addresses.
   */
  static final String TOKEN_ISSUER = "(token issuer)";

  static final String TOKEN_ISSUER_CIDR = "203.0.113.0/24";

  /** Redis logical databases from docs/CONVENTIONS.md. */
  private static final Map<String, Integer> REDIS_DATABASE =
      Map.of("catalog-service", 1, "guest-service", 2, "gateway", 3);

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#subgraphs")
  void theServiceUsesItsOwnPostgresWithItsOwnVolumeAndCredentials(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    Container app = Overlays.serviceContainer(overlay);
    URI jdbc =
        URI.create(
            Overlays.envValue(overlay, app, "QUARKUS_DATASOURCE_JDBC_URL")
                .substring("jdbc:".length()));
    assertEquals("postgresql", jdbc.getScheme());
    String database = jdbc.getPath().substring(1);
    assertEquals(
        Repo.shortName(service), database, overlay + ": database name from docs/CONVENTIONS.md");

    PodTemplateSpec db = backend(overlay, jdbc.getHost(), jdbc.getPort());
    StatefulSet set =
        overlay.all(StatefulSet.class).stream()
            .filter(s -> s.getSpec().getTemplate() == db)
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(overlay + ": " + jdbc.getHost() + " is not a StatefulSet"));
    Container postgres = db.getSpec().getContainers().get(0);
    assertTrue(
        ImageRef.parse(postgres.getImage()).name().endsWith("/postgres"),
        overlay + ": " + postgres.getImage());
    assertEquals(database, Overlays.envValue(overlay, postgres, "POSTGRES_DB"));
    sameSource(overlay, app, "QUARKUS_DATASOURCE_USERNAME", postgres, "POSTGRES_USER");
    sameSource(overlay, app, "QUARKUS_DATASOURCE_PASSWORD", postgres, "POSTGRES_PASSWORD");
    String credentials =
        Overlays.env(app, "QUARKUS_DATASOURCE_PASSWORD")
            .orElseThrow()
            .getValueFrom()
            .getSecretKeyRef()
            .getName();
    if (env.equals("production")) {
      assertEquals(
          Repo.shortName(service) + "-postgres-credentials",
          credentials,
          overlay + ": the documented name of the platform-created Secret");
      assertTrue(Repo.PLATFORM_SECRETS.containsKey(credentials), credentials);
    } else {
      assertFalse(
          Overlays.envValue(overlay, app, "QUARKUS_DATASOURCE_PASSWORD").isBlank(),
          overlay + ": empty database password");
    }

    assertEquals(1, set.getSpec().getVolumeClaimTemplates().size(), overlay + ": one volume claim");
    String claim = set.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
    String pgdata = Overlays.envValue(overlay, postgres, "PGDATA");
    assertTrue(
        postgres.getVolumeMounts().stream()
            .anyMatch(m -> m.getName().equals(claim) && pgdata.startsWith(m.getMountPath() + "/")),
        overlay + ": PGDATA is not on the StatefulSet's volume");
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void theServiceUsesItsOwnRedisAndLogicalDatabase(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    URI redis =
        URI.create(
            Overlays.envValue(overlay, Overlays.serviceContainer(overlay), "QUARKUS_REDIS_HOSTS"));
    assertEquals("redis", redis.getScheme());
    assertEquals(
        "/" + REDIS_DATABASE.get(service), redis.getPath(), overlay + ": Redis logical database");
    PodTemplateSpec pod = backend(overlay, redis.getHost(), redis.getPort());
    Container server = pod.getSpec().getContainers().get(0);
    assertTrue(
        ImageRef.parse(server.getImage()).name().endsWith("/redis"), overlay + ": not a Redis");

    // Redis requires a password, and the service sends the same Secret key.
    List<String> args = server.getArgs();
    int i = args.indexOf("--requirepass");
    assertTrue(i >= 0 && i + 1 < args.size(), overlay + ": Redis runs without --requirepass");
    assertEquals("$(REDIS_PASSWORD)", args.get(i + 1), overlay + ": --requirepass value");
    Container app = Overlays.serviceContainer(overlay);
    sameSource(overlay, app, "QUARKUS_REDIS_PASSWORD", server, "REDIS_PASSWORD");
    String secret =
        Overlays.env(app, "QUARKUS_REDIS_PASSWORD")
            .orElseThrow()
            .getValueFrom()
            .getSecretKeyRef()
            .getName();
    if (env.equals("production")) {
      assertEquals(Repo.shortName(service) + "-redis-credentials", secret);
      assertTrue(Repo.PLATFORM_SECRETS.containsKey(secret), secret);
    } else {
      assertFalse(Overlays.envValue(overlay, app, "QUARKUS_REDIS_PASSWORD").isBlank());
    }
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#subgraphs")
  void onlyTheServiceReachesItsDatabaseAndRedis(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    Container app = Overlays.serviceContainer(overlay);
    URI jdbc =
        URI.create(
            Overlays.envValue(overlay, app, "QUARKUS_DATASOURCE_JDBC_URL")
                .substring("jdbc:".length()));
    URI redis = URI.create(Overlays.envValue(overlay, app, "QUARKUS_REDIS_HOSTS"));
    String backup = Repo.shortName(service) + "-postgres-backup";
    assertEquals(
        Map.of(service, Set.of(jdbc.getPort()), backup, Set.of(jdbc.getPort())),
        allowedClients(env, backend(overlay, jdbc.getHost(), jdbc.getPort())),
        overlay + ": who may connect to " + jdbc.getHost() + " (the service and its backup job)");
    assertEquals(
        Map.of(service, Set.of(redis.getPort())),
        allowedClients(env, backend(overlay, redis.getHost(), redis.getPort())),
        overlay + ": who may connect to " + redis.getHost());
  }

  /**
   * Who calls each subgraph: the gateway, and for catalog-service also guest-service, which replays
   * catalog's change feed. No other service-to-service call exists. Prometheus reaches only the
   * management port (health and metrics), never the public one.
   */
  private static final Map<String, Map<String, Set<Integer>>> CALLERS =
      Map.of(
          "catalog-service",
          Map.of("gateway", Set.of(8081), "guest-service", Set.of(8081), PROMETHEUS, Set.of(9081)),
          "guest-service",
          Map.of("gateway", Set.of(8082), PROMETHEUS, Set.of(9082)));

  /**
   * Sources outside the namespace, each allowed by exactly this peer: the ingress controller's
   * namespace (a placeholder the platform sets, deploy/README.md) and the Prometheus pods of the
   * monitoring namespace. Any other peer beyond the namespace's own pods fails the tests.
   */
  static final Map<String, NetworkPolicyPeer> EXTERNAL_PEERS =
      Map.of(
          INGRESS_CONTROLLER,
          peer(Map.of("kubernetes.io/metadata.name", "ingress-nginx"), null),
          PROMETHEUS,
          peer(
              Map.of("kubernetes.io/metadata.name", "monitoring"),
              Map.of("app.kubernetes.io/name", "prometheus")),
          DNS,
          peer(
              Map.of("kubernetes.io/metadata.name", "kube-system"), Map.of("k8s-app", "kube-dns")));

  private static NetworkPolicyPeer peer(Map<String, String> namespace, Map<String, String> pods) {
    NetworkPolicyPeer p = new NetworkPolicyPeer();
    p.setNamespaceSelector(new LabelSelector(List.of(), namespace));
    if (pods != null) {
      p.setPodSelector(new LabelSelector(List.of(), pods));
    }
    return p;
  }

  /** The name of a peer that reaches beyond the namespace's pods, or an error. */
  static String externalPeer(NetworkPolicy np, NetworkPolicyPeer peer) {
    if (peer.getIpBlock() != null
        && peer.getNamespaceSelector() == null
        && peer.getPodSelector() == null
        && TOKEN_ISSUER_CIDR.equals(peer.getIpBlock().getCidr())
        && (peer.getIpBlock().getExcept() == null || peer.getIpBlock().getExcept().isEmpty())) {
      return TOKEN_ISSUER;
    }
    for (var e : EXTERNAL_PEERS.entrySet()) {
      if (sameSelector(e.getValue().getNamespaceSelector(), peer.getNamespaceSelector())
          && sameSelector(e.getValue().getPodSelector(), peer.getPodSelector())
          && peer.getIpBlock() == null) {
        return e.getKey();
      }
    }
    throw new AssertionError(
        np.getMetadata().getName()
            + " admits or reaches an unknown peer beyond the namespace: "
            + peer);
  }

  private static boolean sameSelector(LabelSelector a, LabelSelector b) {
    if (a == null || b == null) {
      return a == b;
    }
    Map<String, String> x = a.getMatchLabels() == null ? Map.of() : a.getMatchLabels();
    Map<String, String> y = b.getMatchLabels() == null ? Map.of() : b.getMatchLabels();
    return x.equals(y) && (b.getMatchExpressions() == null || b.getMatchExpressions().isEmpty());
  }

  @ParameterizedTest(name = "gateway/overlays/{0}")
  @MethodSource("dev.podgraph.deploy.Repo#environments")
  void onlyTheIngressControllerAndPrometheusReachTheGateway(String env) {
    RenderedOverlay overlay = Overlays.of("gateway", env);
    int port = Repo.conventionPorts().get("gateway");
    int management = Repo.conventionManagementPorts().get("gateway");
    assertEquals(
        Map.of(INGRESS_CONTROLLER, Set.of(port), PROMETHEUS, Set.of(management)),
        allowedClients(env, overlay.podTemplates().get("gateway")),
        overlay + ": who may call the gateway");
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#subgraphs")
  void onlyTheGatewayAndTheFeedConsumerReachASubgraph(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    PodTemplateSpec pod = overlay.podTemplates().get(service);
    assertEquals(
        Set.of(Repo.conventionPorts().get(service)),
        CALLERS.get(service).get("gateway"),
        "docs/CONVENTIONS.md port");
    assertEquals(
        Set.of(Repo.conventionManagementPorts().get(service)),
        CALLERS.get(service).get(PROMETHEUS),
        "docs/CONVENTIONS.md management port");
    assertEquals(
        CALLERS.get(service), allowedClients(env, pod), overlay + ": who may call " + service);
  }

  @ParameterizedTest(name = "guest-service/overlays/{0}")
  @MethodSource("dev.podgraph.deploy.Repo#environments")
  void guestServiceReadsTheChangeFeedOfTheCatalogServiceItMayReach(String env) {
    RenderedOverlay guest = Overlays.of("guest-service", env);
    URI feed =
        URI.create(
            Overlays.envValue(guest, Overlays.serviceContainer(guest), "GUEST_CATALOG_FEED_URL"));
    assertEquals("/internal/episode-changes", feed.getPath());
    RenderedOverlay catalog = Overlays.of("catalog-service", env);
    assertEquals(
        catalog.podTemplates().get("catalog-service"),
        backend(catalog, feed.getHost(), feed.getPort()),
        guest + ": the feed URL is not catalog-service's Service");
    assertEquals(
        Set.of(feed.getPort()),
        allowedClients(env, catalog.podTemplates().get("catalog-service")).get("guest-service"));
  }

  /**
   * The workloads (by name, across every service of the environment) that the NetworkPolicies
   * selecting {@code pod} admit, with the ports they may use. A peer beyond the namespace's pods
   * counts only if it is one of {@link #EXTERNAL_PEERS} (under that name); anything else wider than
   * a pod selector in the same namespace fails: it would admit pods this test cannot see.
   */
  static Map<String, Set<Integer>> allowedClients(String env, PodTemplateSpec pod) {
    List<RenderedOverlay> overlays = Overlays.environment(env);
    Map<String, PodTemplateSpec> everyPod = new LinkedHashMap<>();
    overlays.forEach(o -> everyPod.putAll(o.podTemplates()));
    List<NetworkPolicy> policies = new ArrayList<>();
    overlays.forEach(
        o ->
            o.all(NetworkPolicy.class).stream()
                .filter(
                    np ->
                        Overlays.matches(
                            np.getSpec().getPodSelector(), pod.getMetadata().getLabels()))
                .forEach(policies::add));
    if (policies.isEmpty()) {
      throw new AssertionError(
          "no NetworkPolicy selects " + pod.getMetadata().getLabels() + ": everything may connect");
    }
    Map<String, Set<Integer>> allowed = new LinkedHashMap<>();
    for (NetworkPolicy np : policies) {
      if (!np.getSpec().getPolicyTypes().contains("Ingress")) {
        // Egress only (e.g. <service>-token-issuer): it neither admits nor denies any source. That
        // every workload's own policies cover ingress is NetworkPolicyTest's
        // everyWorkloadStaysIsolatedByItsOwnPolicyWithoutTheSharedDefaultDeny.
        assertTrue(
            np.getSpec().getIngress().isEmpty(),
            np.getMetadata().getName() + " has ingress rules but no Ingress policy type");
        continue;
      }
      for (NetworkPolicyIngressRule rule : np.getSpec().getIngress()) {
        if (rule.getFrom().isEmpty()) {
          throw new AssertionError(np.getMetadata().getName() + " admits every source");
        }
        Set<Integer> ports = new TreeSet<>();
        if (rule.getPorts().isEmpty()) {
          throw new AssertionError(np.getMetadata().getName() + " admits every port");
        }
        for (NetworkPolicyPort port : rule.getPorts()) {
          ports.add(port.getPort().getIntVal());
        }
        for (NetworkPolicyPeer peer : rule.getFrom()) {
          if (peer.getNamespaceSelector() != null
              || peer.getIpBlock() != null
              || peer.getPodSelector() == null) {
            String external = externalPeer(np, peer);
            if (external.equals(DNS)) {
              throw new AssertionError(np.getMetadata().getName() + " admits DNS pods as clients");
            }
            allowed.computeIfAbsent(external, k -> new TreeSet<>()).addAll(ports);
            continue;
          }
          everyPod.forEach(
              (name, client) -> {
                if (Overlays.matches(peer.getPodSelector(), client.getMetadata().getLabels())) {
                  allowed.computeIfAbsent(name, k -> new TreeSet<>()).addAll(ports);
                }
              });
        }
      }
    }
    return allowed;
  }

  /** The pods behind host:port, where host is a Service of the overlay. */
  private static PodTemplateSpec backend(RenderedOverlay overlay, String host, int port) {
    Service service = overlay.require(Service.class, host);
    assertTrue(
        service.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port),
        overlay + ": Service " + host + " has no port " + port);
    List<PodTemplateSpec> pods =
        overlay.podTemplates().values().stream()
            .filter(
                p -> Overlays.matches(service.getSpec().getSelector(), p.getMetadata().getLabels()))
            .toList();
    assertEquals(
        1, pods.size(), overlay + ": Service " + host + " must select exactly one workload");
    return pods.get(0);
  }

  private static void sameSource(
      RenderedOverlay overlay, Container a, String aName, Container b, String bName) {
    EnvVar x = Overlays.env(a, aName).orElseThrow();
    EnvVar y = Overlays.env(b, bName).orElseThrow();
    assertEquals(
        x.getValueFrom(),
        y.getValueFrom(),
        overlay + ": " + aName + " and " + bName + " must come from the same Secret key");
    assertTrue(
        x.getValueFrom() != null && x.getValueFrom().getSecretKeyRef() != null,
        overlay + ": " + aName + " must come from a Secret");
  }
}
