package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Probes hit the paths and port the service really serves: the SmallRye Health paths Quarkus builds
 * from its configuration (defaults from the extensions' configuration model, overrides from the
 * service's application.properties) on the port docs/CONVENTIONS.md gives the service.
 */
class ProbesTest {
  private final QuarkusConfigModel quarkus = QuarkusConfigModel.get();

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void probesUseTheServicesRealHealthPathsOnItsPort(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    ServiceModule module = ServiceModule.load(service);
    assertTrue(
        QuarkusConfigModel.serviceHas(module.dependencies(), "quarkus-smallrye-health"),
        service
            + "/pom.xml does not declare quarkus-smallrye-health, so nothing serves the probes");
    assertTrue(
        Boolean.parseBoolean(module.property("quarkus.management.enabled", "false")),
        service + " serves health on its public port: enable the management interface");
    assertEquals(
        String.valueOf(Repo.conventionManagementPorts().get(service)),
        module.property("quarkus.management.port", value("quarkus.management.port")),
        service + ": quarkus.management.port against docs/CONVENTIONS.md");

    Map<String, String> paths =
        Map.of(
            "startup", healthPath(module, "quarkus.smallrye-health.startup-path"),
            "liveness", healthPath(module, "quarkus.smallrye-health.liveness-path"),
            "readiness", healthPath(module, "quarkus.smallrye-health.readiness-path"));
    int port = Repo.conventionManagementPorts().get(service);
    Container c = Overlays.serviceContainer(overlay);
    check(overlay, c, c.getStartupProbe(), "startup", paths.get("startup"), port);
    check(overlay, c, c.getLivenessProbe(), "liveness", paths.get("liveness"), port);
    check(overlay, c, c.getReadinessProbe(), "readiness", paths.get("readiness"), port);
    assertEquals(
        String.valueOf(Repo.conventionPorts().get(service)),
        Overlays.envValue(overlay, c, "QUARKUS_HTTP_PORT"),
        overlay + ": QUARKUS_HTTP_PORT");
  }

  /**
   * Prometheus finds the metrics where Quarkus serves them (the management port and the metrics
   * path) and the public port serves neither health nor metrics; the Service exposes the public
   * port only.
   */
  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void prometheusScrapesTheManagementPortOnly(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    ServiceModule module = ServiceModule.load(service);
    int management = Repo.conventionManagementPorts().get(service);
    Map<String, String> annotations =
        overlay.podTemplates().get(service).getMetadata().getAnnotations();
    assertNotNull(annotations, overlay + ": no scrape annotations");
    assertEquals("true", annotations.get("prometheus.io/scrape"), overlay + ": scrape");
    assertEquals(
        String.valueOf(management), annotations.get("prometheus.io/port"), overlay + ": port");
    assertEquals(
        managementPath(
            module,
            // Micrometer's default is "metrics"; its configuration model is not on this classpath.
            module.property("quarkus.micrometer.export.prometheus.path", "metrics")),
        annotations.get("prometheus.io/path"),
        overlay + ": metrics path");
    Container c = Overlays.serviceContainer(overlay);
    assertEquals(
        management,
        OverlayStructureTest.containerPort(c.getPorts(), new IntOrString("management"))
            .getContainerPort(),
        overlay + ": container port \"management\"");
    overlay.all(io.fabric8.kubernetes.api.model.Service.class).stream()
        .filter(s -> service.equals(s.getSpec().getSelector().get("app.kubernetes.io/name")))
        .flatMap(s -> s.getSpec().getPorts().stream())
        .forEach(
            p ->
                assertFalse(
                    p.getPort() == management || "management".equals(p.getTargetPort().getStrVal()),
                    overlay + ": the Service exposes the management port"));
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void probesGiveAJvmUnderLoadTimeToAnswer(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    Container c = Overlays.serviceContainer(overlay);
    for (Probe probe :
        java.util.List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
      assertNotNull(probe.getTimeoutSeconds(), overlay + ": probe timeout left at the 1 s default");
      assertTrue(
          probe.getTimeoutSeconds() >= 2, overlay + ": probe timeout " + probe.getTimeoutSeconds());
    }
  }

  @ParameterizedTest(name = "{0}/overlays/production")
  @MethodSource("dev.podgraph.deploy.Repo#services")
  void productionReplicasSpreadOverZonesAndNodes(String service) {
    RenderedOverlay overlay = Overlays.of(service, "production");
    var constraints = overlay.podTemplates().get(service).getSpec().getTopologySpreadConstraints();
    assertEquals(
        java.util.Set.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"),
        constraints.stream()
            .filter(
                t ->
                    service.equals(
                        t.getLabelSelector().getMatchLabels().get("app.kubernetes.io/name")))
            .map(io.fabric8.kubernetes.api.model.TopologySpreadConstraint::getTopologyKey)
            .collect(java.util.stream.Collectors.toSet()),
        overlay + ": topology spread");
  }

  @org.junit.jupiter.api.Test
  void quarkusDefaultsGiveTheConventionalHealthPaths() {
    ServiceModule none =
        new ServiceModule(
            "none",
            java.util.Set.of(),
            Map.of(),
            false,
            java.util.Set.of(),
            java.util.Set.of(),
            java.util.Set.of());
    assertEquals("/q/health/live", healthPath(none, "quarkus.smallrye-health.liveness-path"));
    assertEquals("/q/health/ready", healthPath(none, "quarkus.smallrye-health.readiness-path"));
    assertEquals("/q/health/started", healthPath(none, "quarkus.smallrye-health.startup-path"));
    ServiceModule moved =
        new ServiceModule(
            "moved",
            java.util.Set.of(),
            Map.of(
                "quarkus.http.non-application-root-path",
                "/admin",
                "quarkus.smallrye-health.liveness-path",
                "alive"),
            true,
            java.util.Set.of(),
            java.util.Set.of(),
            java.util.Set.of());
    assertEquals("/admin/health/alive", healthPath(moved, "quarkus.smallrye-health.liveness-path"));
  }

  private void check(
      RenderedOverlay overlay, Container c, Probe probe, String kind, String path, int port) {
    String where = overlay + ": " + kind + " probe";
    assertNotNull(probe, where + " missing");
    assertNotNull(probe.getHttpGet(), where + " is not an HTTP GET");
    assertEquals(path, probe.getHttpGet().getPath(), where + " path");
    ContainerPort target =
        OverlayStructureTest.containerPort(c.getPorts(), probe.getHttpGet().getPort());
    assertNotNull(
        target, where + " port " + probe.getHttpGet().getPort() + " is not a container port");
    assertEquals(port, target.getContainerPort(), where + " port");
  }

  /** The path Quarkus serves a health check group on, as its configuration resolves it. */
  String healthPath(ServiceModule module, String groupProperty) {
    String health =
        module.property(
            "quarkus.smallrye-health.root-path", value("quarkus.smallrye-health.root-path"));
    String group = module.property(groupProperty, value(groupProperty));
    return join(managementPath(module, health), group);
  }

  /**
   * A non-application endpoint's path: under the management interface's root path when the
   * management interface is on, else under the HTTP root and non-application root paths.
   */
  String managementPath(ServiceModule module, String endpoint) {
    String base;
    if (Boolean.parseBoolean(module.property("quarkus.management.enabled", "false"))) {
      base = module.property("quarkus.management.root-path", value("quarkus.management.root-path"));
    } else {
      String root = module.property("quarkus.http.root-path", value("quarkus.http.root-path"));
      String nonApplication =
          module.property(
              "quarkus.http.non-application-root-path",
              value("quarkus.http.non-application-root-path"));
      base = join(root, nonApplication);
    }
    return join(base, endpoint);
  }

  private String value(String property) {
    return quarkus.byName(property).defaultValue();
  }

  private static String join(String base, String path) {
    if (path.startsWith("/")) {
      return path;
    }
    return (base.endsWith("/") ? base : base + "/") + path;
  }
}
