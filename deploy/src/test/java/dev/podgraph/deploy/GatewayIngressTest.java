package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Production clients reach the gateway through an Ingress, over TLS for every host, and only its
 * GraphQL endpoint: health and metrics (/q/...) stay inside the cluster.
 */
class GatewayIngressTest {

  @Test
  void productionServesTheGatewaysGraphqlEndpointOverTls() {
    RenderedOverlay overlay = Overlays.of("gateway", "production");
    List<Ingress> ingresses = overlay.all(Ingress.class);
    assertEquals(1, ingresses.size(), overlay + ": one Ingress");
    Ingress ingress = ingresses.get(0);
    assertNotNull(ingress.getSpec().getIngressClassName(), overlay + ": ingressClassName");
    assertTrue(ingress.getSpec().getDefaultBackend() == null, overlay + ": a default backend");
    Service gateway = overlay.require(Service.class, "gateway");
    assertFalse(ingress.getSpec().getRules().isEmpty(), overlay + ": no rules");
    for (IngressRule rule : ingress.getSpec().getRules()) {
      assertNotNull(rule.getHost(), overlay + ": a rule without host answers every name");
      assertTrue(
          ingress.getSpec().getTls().stream()
              .anyMatch(
                  tls ->
                      tls.getHosts().contains(rule.getHost())
                          && Repo.PLATFORM_SECRETS.containsKey(tls.getSecretName())),
          overlay + ": " + rule.getHost() + " is not served over TLS with a platform Secret");
      for (HTTPIngressPath path : rule.getHttp().getPaths()) {
        assertEquals("/graphql", path.getPath(), overlay + ": only /graphql is public");
        assertTrue(Set.of("Exact", "Prefix").contains(path.getPathType()), path.getPathType());
        var backend = path.getBackend().getService();
        assertEquals("gateway", backend.getName(), overlay + ": backend");
        assertTrue(
            gateway.getSpec().getPorts().stream()
                .anyMatch(
                    p ->
                        backend.getPort().getName() != null
                            ? backend.getPort().getName().equals(p.getName())
                            : backend.getPort().getNumber().equals(p.getPort())),
            overlay + ": the backend port is not a port of Service gateway");
      }
    }
  }

  @Test
  void onlyProductionHasAnIngress() {
    for (RenderedOverlay overlay : Overlays.environment("local")) {
      assertTrue(overlay.all(Ingress.class).isEmpty(), overlay + ": an Ingress in local");
    }
    for (String subgraph : Repo.SUBGRAPHS) {
      RenderedOverlay overlay = Overlays.of(subgraph, "production");
      assertTrue(overlay.all(Ingress.class).isEmpty(), overlay + ": subgraphs are not public");
    }
  }
}
