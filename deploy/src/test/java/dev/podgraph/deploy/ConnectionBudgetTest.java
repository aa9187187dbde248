package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PostgreSQL's max_connections holds every connection its clients can open at once: the service's
 * pool maximum for each pod it can have (HPA maximum plus the rolling update's surge), one for each
 * backup job, the superuser reserve and some headroom for operators.
 */
class ConnectionBudgetTest {
  /** Connections kept free for an operator's psql, monitoring, a manual pg_dump. */
  static final int OPERATOR_HEADROOM = 10;

  /** PostgreSQL's default superuser_reserved_connections, when the manifests do not set it. */
  private static final int DEFAULT_SUPERUSER_RESERVED = 3;

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#subgraphs")
  void everyClientAtItsMaximumFitsIntoMaxConnections(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    Container app = Overlays.serviceContainer(overlay);
    assertTrue(
        Overlays.env(app, "QUARKUS_DATASOURCE_JDBC_MAX_SIZE").isPresent(),
        overlay + ": the pool maximum must be set in the manifests, not left to a default");
    int pool =
        Integer.parseInt(Overlays.envValue(overlay, app, "QUARKUS_DATASOURCE_JDBC_MAX_SIZE"));
    int pods = maxPods(overlay, overlay.require(Deployment.class, service));

    String database = Repo.shortName(service) + "-postgres";
    StatefulSet postgres = overlay.require(StatefulSet.class, database);
    Container server = postgres.getSpec().getTemplate().getSpec().getContainers().get(0);
    int maxConnections =
        setting(server, "max_connections")
            .orElseThrow(
                () ->
                    new AssertionError(
                        overlay + ": set max_connections explicitly (-c max_connections=N)"));
    int reserved =
        setting(server, "superuser_reserved_connections").orElse(DEFAULT_SUPERUSER_RESERVED);

    int backups = 0;
    for (var entry : overlay.podTemplates().entrySet()) {
      PodTemplateSpec pod = entry.getValue();
      for (Container c : Overlays.containers(pod)) {
        if (Overlays.env(c, "PGHOST").isPresent()
            && database.equals(Overlays.envValue(overlay, c, "PGHOST"))) {
          assertFalse(
              String.join(" ", c.getCommand()).matches(".*(--jobs|\\s-j\\s).*"),
              overlay + ": a parallel pg_dump needs more than one connection");
          backups++;
        }
      }
    }
    assertTrue(backups >= 1, overlay + ": no backup job connects to " + database);

    int needed = budget(pods, pool, backups);
    assertTrue(
        needed <= maxConnections - reserved,
        String.format(
            "%s: %d pods x pool %d + %d backup + %d headroom = %d > max_connections %d - %d"
                + " superuser reserve",
            overlay, pods, pool, backups, OPERATOR_HEADROOM, needed, maxConnections, reserved));
  }

  @Test
  void theBudgetOfTheIssueWouldFail() {
    // 50 per pod x 10 replicas against the default max_connections 100 (issue #16).
    assertTrue(budget(10, 50, 0) > 100 - DEFAULT_SUPERUSER_RESERVED);
    assertEquals(11 * 16 + 1 + OPERATOR_HEADROOM, budget(11, 16, 1));
  }

  static int budget(int pods, int pool, int backups) {
    return pods * pool + backups + OPERATOR_HEADROOM;
  }

  /** The most pods a Deployment runs: HPA maximum (or replicas) plus the rolling update surge. */
  static int maxPods(RenderedOverlay overlay, Deployment d) {
    int replicas =
        overlay.all(HorizontalPodAutoscaler.class).stream()
            .filter(
                h -> h.getSpec().getScaleTargetRef().getName().equals(d.getMetadata().getName()))
            .map(h -> h.getSpec().getMaxReplicas())
            .findFirst()
            .orElse(d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas());
    var strategy = d.getSpec().getStrategy();
    if (strategy != null && "Recreate".equals(strategy.getType())) {
      return replicas;
    }
    IntOrString surge =
        strategy == null || strategy.getRollingUpdate() == null
            ? null
            : strategy.getRollingUpdate().getMaxSurge();
    if (surge == null) {
      surge = new IntOrString("25%"); // the Kubernetes default
    }
    if (surge.getIntVal() != null) {
      return replicas + surge.getIntVal();
    }
    int percent = Integer.parseInt(surge.getStrVal().replace("%", ""));
    return replicas + (int) Math.ceil(replicas * percent / 100.0);
  }

  /** A "-c name=value" server setting from the PostgreSQL container's arguments. */
  static Optional<Integer> setting(Container postgres, String name) {
    List<String> args = postgres.getArgs();
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).equals("-c") && args.get(i + 1).startsWith(name + "=")) {
        return Optional.of(Integer.parseInt(args.get(i + 1).substring(name.length() + 1)));
      }
    }
    return Optional.empty();
  }

  @Test
  void theSurgeIsCounted() {
    RenderedOverlay overlay = Overlays.of("catalog-service", "production");
    Deployment d = overlay.require(Deployment.class, "catalog-service");
    int withSurge = maxPods(overlay, d);
    int hpaMax =
        overlay
            .require(HorizontalPodAutoscaler.class, "catalog-service")
            .getSpec()
            .getMaxReplicas();
    assertTrue(withSurge > hpaMax, "the rolling update's surge is not counted");
  }
}
