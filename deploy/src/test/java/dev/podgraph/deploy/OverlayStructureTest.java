package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders into valid Kubernetes objects that are wired to each other. */
class OverlayStructureTest {

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void everyObjectIsInTheEnvironmentsNamespaceWithItsEnvironmentLabel(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    String namespace = env.equals("production") ? "podgraph" : "podgraph-" + env;
    for (HasMetadata o : overlay.objects()) {
      assertEquals(
          namespace, o.getMetadata().getNamespace(), overlay + ": " + o.getMetadata().getName());
      assertEquals(
          env,
          o.getMetadata().getLabels().get("podgraph.dev/environment"),
          overlay + ": " + o.getMetadata().getName());
    }
    assertTrue(
        overlay.named(Deployment.class, service).isPresent(),
        overlay + ": no Deployment " + service);
    assertTrue(
        overlay.named(Service.class, service).isPresent(), overlay + ": no Service " + service);
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void workloadSelectorsMatchTheirOwnPodLabels(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    for (Deployment d : overlay.all(Deployment.class)) {
      assertTrue(
          Overlays.matches(
              d.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()),
          overlay
              + ": Deployment "
              + d.getMetadata().getName()
              + " selector does not match its pods");
    }
    for (StatefulSet s : overlay.all(StatefulSet.class)) {
      assertTrue(
          Overlays.matches(
              s.getSpec().getSelector(), s.getSpec().getTemplate().getMetadata().getLabels()),
          overlay
              + ": StatefulSet "
              + s.getMetadata().getName()
              + " selector does not match its pods");
      Service headless = overlay.require(Service.class, s.getSpec().getServiceName());
      assertEquals(
          "None",
          headless.getSpec().getClusterIP(),
          overlay + ": StatefulSet service must be headless");
    }
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void everyServiceSelectsExactlyOneWorkloadAndTargetsOneOfItsContainerPorts(
      String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    for (Service s : overlay.all(Service.class)) {
      List<PodTemplateSpec> selected =
          overlay.podTemplates().values().stream()
              .filter(p -> Overlays.matches(s.getSpec().getSelector(), p.getMetadata().getLabels()))
              .toList();
      assertEquals(
          1,
          selected.size(),
          overlay
              + ": Service "
              + s.getMetadata().getName()
              + " selects "
              + selected.size()
              + " workloads");
      List<ContainerPort> ports =
          selected.get(0).getSpec().getContainers().stream()
              .flatMap(c -> c.getPorts().stream())
              .toList();
      for (ServicePort port : s.getSpec().getPorts()) {
        assertNotNull(
            containerPort(ports, port.getTargetPort()),
            overlay
                + ": Service "
                + s.getMetadata().getName()
                + " targets "
                + port.getTargetPort()
                + ", which no container exposes");
      }
    }
  }

  static ContainerPort containerPort(List<ContainerPort> ports, IntOrString target) {
    return ports.stream()
        .filter(
            p ->
                target.getStrVal() != null
                    ? target.getStrVal().equals(p.getName())
                    : target.getIntVal().equals(p.getContainerPort()))
        .findFirst()
        .orElse(null);
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void everyReferencedConfigMapAndSecretExistsWithTheReferencedKey(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    for (var entry : overlay.podTemplates().entrySet()) {
      String where = overlay + ": " + entry.getKey();
      for (Container c : Overlays.containers(entry.getValue())) {
        for (EnvVar var : c.getEnv()) {
          if (var.getValueFrom() == null) {
            continue;
          }
          var cm = var.getValueFrom().getConfigMapKeyRef();
          var secret = var.getValueFrom().getSecretKeyRef();
          if (cm != null) {
            var map =
                overlay
                    .configMap(cm.getName())
                    .orElseThrow(
                        () -> new AssertionError(where + ": no ConfigMap " + cm.getName()));
            assertTrue(
                map.getData().containsKey(cm.getKey()),
                where + ": ConfigMap " + cm.getName() + " has no key " + cm.getKey());
          } else if (secret != null) {
            var s = overlay.secret(secret.getName());
            if (s.isEmpty() && env.equals("production")) {
              // Created by the platform, not rendered: it must be one of the documented ones.
              assertTrue(
                  Repo.PLATFORM_SECRETS
                      .getOrDefault(secret.getName(), Set.of())
                      .contains(secret.getKey()),
                  where
                      + ": Secret "
                      + secret.getName()
                      + " key "
                      + secret.getKey()
                      + " is neither rendered nor a documented platform Secret");
              continue;
            }
            assertTrue(s.isPresent(), where + ": no Secret " + secret.getName());
            assertTrue(
                s.get().getData().containsKey(secret.getKey()),
                where + ": Secret " + secret.getName() + " has no key " + secret.getKey());
          } else {
            throw new AssertionError(
                where + ": env " + var.getName() + " uses a valueFrom that is not checked");
          }
        }
        for (EnvFromSource from : c.getEnvFrom()) {
          throw new AssertionError(
              where + ": envFrom hides which variables are set; list them: " + from);
        }
      }
      for (Volume v : entry.getValue().getSpec().getVolumes()) {
        if (v.getConfigMap() != null) {
          assertTrue(
              overlay.configMap(v.getConfigMap().getName()).isPresent(),
              where + ": no ConfigMap " + v.getConfigMap().getName());
        } else if (v.getSecret() != null) {
          assertTrue(
              overlay.secret(v.getSecret().getSecretName()).isPresent(),
              where + ": no Secret " + v.getSecret().getSecretName());
        } else if (v.getPersistentVolumeClaim() != null) {
          assertTrue(
              overlay
                  .named(PersistentVolumeClaim.class, v.getPersistentVolumeClaim().getClaimName())
                  .isPresent(),
              where + ": no PersistentVolumeClaim " + v.getPersistentVolumeClaim().getClaimName());
        } else if (v.getEmptyDir() != null) {
          assertNotNull(
              v.getEmptyDir().getSizeLimit(),
              where + ": emptyDir " + v.getName() + " without a sizeLimit can fill the node");
        } else {
          throw new AssertionError(where + ": volume " + v.getName() + " of a kind not checked");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void everyContainerRequestsResourcesAndHasAMemoryLimit(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    for (var entry : overlay.podTemplates().entrySet()) {
      for (Container c : Overlays.containers(entry.getValue())) {
        var r = c.getResources();
        String where = overlay + ": " + entry.getKey() + "/" + c.getName();
        assertNotNull(r, where);
        assertTrue(
            r.getRequests().containsKey("cpu") && r.getRequests().containsKey("memory"),
            where + " requests cpu and memory");
        assertTrue(r.getLimits().containsKey("memory"), where + " limits memory");
        assertTrue(
            r.getLimits()
                    .get("memory")
                    .getNumericalAmount()
                    .compareTo(r.getRequests().get("memory").getNumericalAmount())
                >= 0,
            where + " memory limit below its request");
      }
    }
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void everyNetworkPolicySelectsPodsOfItsOverlay(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    assertFalse(overlay.all(NetworkPolicy.class).isEmpty(), overlay + ": no NetworkPolicy");
    for (NetworkPolicy np : overlay.all(NetworkPolicy.class)) {
      assertTrue(
          overlay.podTemplates().values().stream()
              .anyMatch(
                  p ->
                      Overlays.matches(np.getSpec().getPodSelector(), p.getMetadata().getLabels())),
          overlay
              + ": NetworkPolicy "
              + np.getMetadata().getName()
              + " selects no pod of this overlay");
    }
    for (PodTemplateSpec pod : overlay.podTemplates().values()) {
      assertTrue(
          overlay.all(NetworkPolicy.class).stream()
              .filter(np -> !SHARED.contains("NetworkPolicy/" + np.getMetadata().getName()))
              .anyMatch(
                  np ->
                      Overlays.matches(
                          np.getSpec().getPodSelector(), pod.getMetadata().getLabels())),
          overlay
              + ": pods "
              + pod.getMetadata().getLabels()
              + " are not covered by a NetworkPolicy of their own (default-deny aside)");
    }
  }

  @ParameterizedTest(name = "{0}/overlays/local")
  @MethodSource("dev.podgraph.deploy.Repo#servicesForLocal")
  void localRunsOneReplicaOfEverythingWithoutAutoscaling(String service) {
    RenderedOverlay overlay = Overlays.of(service, "local");
    overlay
        .all(Deployment.class)
        .forEach(
            d ->
                assertEquals(
                    1, d.getSpec().getReplicas(), overlay + ": " + d.getMetadata().getName()));
    overlay
        .all(StatefulSet.class)
        .forEach(
            s ->
                assertEquals(
                    1, s.getSpec().getReplicas(), overlay + ": " + s.getMetadata().getName()));
    assertTrue(overlay.all(HorizontalPodAutoscaler.class).isEmpty(), overlay + ": HPA in local");
    assertTrue(overlay.all(PodDisruptionBudget.class).isEmpty(), overlay + ": PDB in local");
  }

  @ParameterizedTest(name = "{0}/overlays/production")
  @MethodSource("dev.podgraph.deploy.Repo#servicesForLocal")
  void productionScalesTheServiceAndKeepsItAvailableDuringDisruptions(String service) {
    RenderedOverlay overlay = Overlays.of(service, "production");
    Deployment d = overlay.require(Deployment.class, service);
    HorizontalPodAutoscaler hpa = overlay.require(HorizontalPodAutoscaler.class, service);
    var target = hpa.getSpec().getScaleTargetRef();
    assertEquals(
        List.of("apps/v1", "Deployment", service),
        List.of(target.getApiVersion(), target.getKind(), target.getName()));
    assertTrue(hpa.getSpec().getMinReplicas() >= 2, overlay + ": HPA minReplicas");
    assertTrue(
        hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas(),
        overlay + ": HPA maxReplicas");
    assertEquals(
        hpa.getSpec().getMinReplicas(),
        d.getSpec().getReplicas(),
        overlay + ": Deployment replicas differ from HPA minimum");
    var cpu =
        overlay
            .podTemplates()
            .get(service)
            .getSpec()
            .getContainers()
            .get(0)
            .getResources()
            .getRequests()
            .get("cpu");
    assertNotNull(cpu, overlay + ": HPA on CPU needs a CPU request");
    PodDisruptionBudget pdb = overlay.require(PodDisruptionBudget.class, service);
    assertTrue(
        Overlays.matches(
            pdb.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()),
        overlay + ": PDB does not select " + service);
    int allowedDown =
        pdb.getSpec().getMaxUnavailable() != null
            ? pdb.getSpec().getMaxUnavailable().getIntVal()
            : d.getSpec().getReplicas() - pdb.getSpec().getMinAvailable().getIntVal();
    assertTrue(
        allowedDown >= 1 && allowedDown < hpa.getSpec().getMinReplicas(),
        overlay + ": PDB must let nodes drain and keep the service up");
  }

  /**
   * Objects every service's overlay renders on purpose, identically, so that each service applies
   * alone and applying another changes nothing: the namespace-wide default deny.
   */
  static final Set<String> SHARED = Set.of("NetworkPolicy/default-deny");

  @Test
  void servicesAppliedIntoTheSameNamespaceNeverOverwriteEachOthersObjects() {
    for (String env : Repo.ENVIRONMENTS) {
      Map<String, HasMetadata> seen = new java.util.HashMap<>();
      for (RenderedOverlay overlay : Overlays.environment(env)) {
        for (HasMetadata o : overlay.objects()) {
          String id =
              o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
          HasMetadata before = seen.put(id, o);
          if (before == null) {
            continue;
          }
          assertTrue(
              SHARED.contains(o.getKind() + "/" + o.getMetadata().getName()),
              overlay + ": " + id + " is also rendered by another service's overlay");
          assertEquals(
              before,
              o,
              overlay + ": shared " + id + " differs between services: the last apply would win");
        }
      }
    }
  }

  @Test
  void podLabelsOfDifferentWorkloadsNeverOverlap() {
    for (String env : Repo.ENVIRONMENTS) {
      List<Map<String, String>> pods =
          Overlays.environment(env).stream()
              .flatMap(o -> o.podTemplates().values().stream())
              .map(p -> p.getMetadata().getLabels())
              .toList();
      for (RenderedOverlay overlay : Overlays.environment(env)) {
        for (Deployment d : overlay.all(Deployment.class)) {
          long selected =
              pods.stream().filter(l -> Overlays.matches(d.getSpec().getSelector(), l)).count();
          assertEquals(
              1,
              selected,
              overlay
                  + ": Deployment "
                  + d.getMetadata().getName()
                  + " selector must match exactly its own pods");
        }
      }
    }
  }
}
