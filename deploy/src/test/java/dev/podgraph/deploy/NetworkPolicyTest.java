package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Default deny in both directions, and the egress graph: every workload may open connections to
 * exactly the destinations it needs, and each such connection is also admitted by the destination's
 * ingress rules (and the other way round). Computed over the pods of all three services' overlays
 * of one environment, which share a namespace.
 */
class NetworkPolicyTest {
  private static final Set<String> DNS_PORTS = Set.of("53/TCP", "53/UDP");

  /** Who may connect where, by workload name; {@link IsolationTest#DNS} is the cluster DNS. */
  private static final Map<String, Map<String, Set<String>>> EGRESS =
      Map.of(
          "gateway",
          Map.of(
              IsolationTest.DNS,
              DNS_PORTS,
              "catalog-service",
              Set.of("8081/TCP"),
              "guest-service",
              Set.of("8082/TCP"),
              "gateway-redis",
              Set.of("6379/TCP")),
          "gateway-redis",
          Map.of(),
          "catalog-service",
          Map.of(
              IsolationTest.DNS,
              DNS_PORTS,
              "catalog-postgres",
              Set.of("5432/TCP"),
              "catalog-redis",
              Set.of("6379/TCP")),
          "guest-service",
          Map.of(
              IsolationTest.DNS,
              DNS_PORTS,
              "guest-postgres",
              Set.of("5432/TCP"),
              "guest-redis",
              Set.of("6379/TCP"),
              // GUEST_CATALOG_FEED_URL: catalog-service's change feed
              "catalog-service",
              Set.of("8081/TCP")),
          "catalog-postgres",
          Map.of(),
          "catalog-redis",
          Map.of(),
          "catalog-postgres-backup",
          Map.of(IsolationTest.DNS, DNS_PORTS, "catalog-postgres", Set.of("5432/TCP")),
          "guest-postgres",
          Map.of(),
          "guest-redis",
          Map.of(),
          "guest-postgres-backup",
          Map.of(IsolationTest.DNS, DNS_PORTS, "guest-postgres", Set.of("5432/TCP")));

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void everyOverlayRendersTheSameNamespaceWideDefaultDenyForBothDirections(
      String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    NetworkPolicy deny = overlay.require(NetworkPolicy.class, "default-deny");
    var selector = deny.getSpec().getPodSelector();
    assertTrue(
        (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
            && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty()),
        overlay + ": default-deny must select every pod of the namespace");
    assertEquals(
        Set.of("Ingress", "Egress"),
        Set.copyOf(deny.getSpec().getPolicyTypes()),
        overlay + ": default-deny");
    assertTrue(deny.getSpec().getIngress().isEmpty(), overlay + ": default-deny admits something");
    assertTrue(deny.getSpec().getEgress().isEmpty(), overlay + ": default-deny allows something");
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void everyWorkloadStaysIsolatedByItsOwnPolicyWithoutTheSharedDefaultDeny(
      String service, String env) {
    // `kubectl delete -k` of one service deletes the shared default-deny too; the workloads of the
    // others must stay isolated in both directions by their own policies.
    RenderedOverlay overlay = Overlays.of(service, env);
    overlay
        .podTemplates()
        .forEach(
            (name, pod) -> {
              Set<String> types = new TreeSet<>();
              overlay.all(NetworkPolicy.class).stream()
                  .filter(np -> !np.getMetadata().getName().equals("default-deny"))
                  .filter(
                      np ->
                          Overlays.matches(
                              np.getSpec().getPodSelector(), pod.getMetadata().getLabels()))
                  .forEach(np -> types.addAll(np.getSpec().getPolicyTypes()));
              assertEquals(
                  Set.of("Egress", "Ingress"), types, overlay + ": " + name + " policy types");
            });
  }

  @ParameterizedTest(name = "overlays/{0}")
  @MethodSource("dev.podgraph.deploy.Repo#environments")
  void everyWorkloadReachesExactlyTheDestinationsItNeeds(String env) {
    Map<String, PodTemplateSpec> pods = pods(env);
    assertEquals(
        new TreeSet<>(EGRESS.keySet()),
        new TreeSet<>(pods.keySet()),
        env + ": every workload needs an entry in EGRESS (and only rendered ones have one)");
    pods.forEach(
        (name, pod) -> {
          Map<String, Set<String>> expected = new TreeMap<>(EGRESS.get(name));
          if (env.equals("production") && Repo.SUBGRAPHS.contains(name)) {
            // The issuer's JWKS over HTTPS (MP_JWT_VERIFY_PUBLICKEY_LOCATION); locally the
            // development key is on the classpath.
            expected.put(IsolationTest.TOKEN_ISSUER, Set.of("443/TCP"));
          }
          assertEquals(
              expected,
              new TreeMap<>(allowedDestinations(env, pod)),
              env + ": where " + name + " may connect");
        });
  }

  @ParameterizedTest(name = "overlays/{0}")
  @MethodSource("dev.podgraph.deploy.Repo#environments")
  void bothEndsOfEveryConnectionInTheNamespaceAllowIt(String env) {
    Map<String, PodTemplateSpec> pods = pods(env);
    List<String> problems = new ArrayList<>();
    pods.forEach(
        (client, pod) ->
            allowedDestinations(env, pod)
                .forEach(
                    (server, ports) -> {
                      if (!pods.containsKey(server)) {
                        return; // outside the namespace (DNS)
                      }
                      Set<Integer> admitted =
                          IsolationTest.allowedClients(env, pods.get(server))
                              .getOrDefault(client, Set.of());
                      for (String port : ports) {
                        if (!port.endsWith("/TCP")
                            || !admitted.contains(Integer.parseInt(port.split("/")[0]))) {
                          problems.add(
                              client + " may connect to " + server + ":" + port + ", not admitted");
                        }
                      }
                    }));
    pods.forEach(
        (server, pod) ->
            IsolationTest.allowedClients(env, pod)
                .forEach(
                    (client, ports) -> {
                      if (!pods.containsKey(client)) {
                        return; // ingress controller, Prometheus
                      }
                      Set<String> allowed =
                          allowedDestinations(env, pods.get(client)).getOrDefault(server, Set.of());
                      for (int port : ports) {
                        if (!allowed.contains(port + "/TCP")) {
                          problems.add(
                              server
                                  + " admits "
                                  + client
                                  + " on "
                                  + port
                                  + ", whose egress does not allow it");
                        }
                      }
                    }));
    assertTrue(problems.isEmpty(), env + ":\n" + String.join("\n", problems));
  }

  @ParameterizedTest(name = "gateway/overlays/{0}")
  @MethodSource("dev.podgraph.deploy.Repo#environments")
  void theGatewayReachesTheRoutingUrlOfEverySubgraph(String env) {
    Map<String, Set<String>> expected = new TreeMap<>();
    expected.put(IsolationTest.DNS, DNS_PORTS);
    for (String line : Repo.read(Repo.deploy().resolve("gateway/subgraphs.txt")).lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      URI url = URI.create(line.split("=")[1]);
      expected.put(url.getHost(), Set.of(url.getPort() + "/TCP"));
    }
    // and its own Redis (persisted queries)
    expected.put("gateway-redis", Set.of("6379/TCP"));
    assertEquals(
        expected,
        new TreeMap<>(allowedDestinations(env, pods(env).get("gateway"))),
        "gateway/overlays/" + env + ": egress against deploy/gateway/subgraphs.txt");
  }

  private static Map<String, PodTemplateSpec> pods(String env) {
    Map<String, PodTemplateSpec> pods = new LinkedHashMap<>();
    Overlays.environment(env).forEach(o -> pods.putAll(o.podTemplates()));
    return pods;
  }

  /**
   * Where {@code pod} may open connections, by workload name (or an {@link
   * IsolationTest#EXTERNAL_PEERS} name), with "port/PROTOCOL" entries. Fails when no policy
   * restricts its egress, or a rule allows every destination or every port.
   */
  static Map<String, Set<String>> allowedDestinations(String env, PodTemplateSpec pod) {
    List<RenderedOverlay> overlays = Overlays.environment(env);
    Map<String, PodTemplateSpec> everyPod = pods(env);
    List<NetworkPolicy> policies = new ArrayList<>();
    overlays.forEach(
        o ->
            o.all(NetworkPolicy.class).stream()
                .filter(np -> np.getSpec().getPolicyTypes().contains("Egress"))
                .filter(
                    np ->
                        Overlays.matches(
                            np.getSpec().getPodSelector(), pod.getMetadata().getLabels()))
                .forEach(policies::add));
    if (policies.isEmpty()) {
      throw new AssertionError(
          "no NetworkPolicy restricts the egress of " + pod.getMetadata().getLabels());
    }
    Map<String, Set<String>> allowed = new LinkedHashMap<>();
    for (NetworkPolicy np : policies) {
      String name = np.getMetadata().getName();
      for (NetworkPolicyEgressRule rule : np.getSpec().getEgress()) {
        if (rule.getTo().isEmpty()) {
          throw new AssertionError(name + " allows every destination");
        }
        if (rule.getPorts().isEmpty()) {
          throw new AssertionError(name + " allows every port");
        }
        Set<String> ports = new TreeSet<>();
        for (NetworkPolicyPort port : rule.getPorts()) {
          if (port.getPort() == null || port.getPort().getIntVal() == null) {
            throw new AssertionError(name + ": give ports by number: " + port);
          }
          if (port.getEndPort() != null) {
            throw new AssertionError(name + ": port ranges are not used: " + port);
          }
          String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
          ports.add(port.getPort().getIntVal() + "/" + protocol);
        }
        for (NetworkPolicyPeer peer : rule.getTo()) {
          if (peer.getNamespaceSelector() != null
              || peer.getIpBlock() != null
              || peer.getPodSelector() == null) {
            String external = IsolationTest.externalPeer(np, peer);
            if (!external.equals(IsolationTest.DNS)
                && !external.equals(IsolationTest.TOKEN_ISSUER)) {
              throw new AssertionError(name + ": egress to " + external + " is not needed");
            }
            allowed.computeIfAbsent(external, k -> new TreeSet<>()).addAll(ports);
            continue;
          }
          everyPod.forEach(
              (workload, server) -> {
                if (Overlays.matches(peer.getPodSelector(), server.getMetadata().getLabels())) {
                  allowed.computeIfAbsent(workload, k -> new TreeSet<>()).addAll(ports);
                }
              });
        }
      }
    }
    return allowed;
  }
}
