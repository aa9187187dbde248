package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pod of every overlay (PostgreSQL, Redis and the backup job included) passes the Pod
 * Security Standards "restricted" profile, mounts no service-account token, and runs with a
 * read-only root filesystem, writing only to the volumes its image needs.
 */
class PodSecurityTest {
  /** Volume types the "restricted" profile allows. */
  private static final Set<String> RESTRICTED_VOLUMES =
      Set.of(
          "configMap",
          "secret",
          "emptyDir",
          "persistentVolumeClaim",
          "projected",
          "downwardAPI",
          "csi",
          "ephemeral");

  /** The user the official postgres and redis images create (and own their files with). */
  private static final int POSTGRES_AND_REDIS_UID = 999;

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void everyPodPassesTheRestrictedProfile(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    List<String> problems = new ArrayList<>();
    overlay.podTemplates().forEach((name, pod) -> problems.addAll(restricted(name, pod)));
    assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void everyContainerRunsAsTheUserItsImageWasBuiltFor(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    int jvmUser = dockerfileUser();
    overlay
        .podTemplates()
        .forEach(
            (name, pod) -> {
              PodSecurityContext psc = pod.getSpec().getSecurityContext();
              for (Container c : Overlays.containers(pod)) {
                String image = ImageRef.parse(c.getImage()).name();
                String where = overlay + ": " + name + "/" + c.getName();
                Long uid = runAsUser(psc, c);
                if (image.endsWith("/postgres") || image.endsWith("/redis")) {
                  assertEquals(POSTGRES_AND_REDIS_UID, uid, where + ": runAsUser");
                  assertEquals(
                      POSTGRES_AND_REDIS_UID,
                      psc.getFsGroup(),
                      where + ": fsGroup (volumes writable without a root entrypoint)");
                } else {
                  assertEquals(jvmUser, uid, where + ": USER of Dockerfile.jvm");
                }
              }
            });
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void everyPathAContainerWritesIsAVolume(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    overlay
        .podTemplates()
        .forEach(
            (name, pod) -> {
              for (Container c : Overlays.containers(pod)) {
                String image = ImageRef.parse(c.getImage()).name();
                String where = overlay + ": " + name + "/" + c.getName();
                List<String> writable = new ArrayList<>(List.of("/tmp"));
                if (image.endsWith("/redis")) {
                  writable = List.of("/data");
                } else if (image.endsWith("/postgres") && Overlays.env(c, "PGDATA").isPresent()) {
                  writable.add("/var/run/postgresql");
                  writable.add(Overlays.envValue(overlay, c, "PGDATA"));
                }
                for (String path : writable) {
                  assertTrue(
                      writableVolumeAt(overlay, pod, c, path),
                      where + ": nothing writable at " + path);
                }
              }
            });
  }

  @Test
  void theCheckCatchesEachRuleBroken() {
    PodTemplateSpec good =
        Overlays.of("catalog-service", "production").podTemplates().get("catalog-postgres");
    assertTrue(restricted("good", good).isEmpty(), restricted("good", good).toString());
    List<java.util.function.Consumer<PodTemplateSpec>> breakers =
        List.of(
            p -> p.getSpec().setAutomountServiceAccountToken(null),
            p -> p.getSpec().getSecurityContext().setSeccompProfile(null),
            p -> p.getSpec().getSecurityContext().setRunAsUser(0L),
            p -> {
              p.getSpec().getSecurityContext().setRunAsNonRoot(null);
              p.getSpec().getContainers().get(0).getSecurityContext().setRunAsNonRoot(null);
            },
            p -> p.getSpec().getContainers().get(0).getSecurityContext().setPrivileged(true),
            p ->
                p.getSpec()
                    .getContainers()
                    .get(0)
                    .getSecurityContext()
                    .setAllowPrivilegeEscalation(null),
            p ->
                p.getSpec()
                    .getContainers()
                    .get(0)
                    .getSecurityContext()
                    .setCapabilities(new Capabilities(List.of("NET_RAW"), List.of("ALL"))),
            p ->
                p.getSpec()
                    .getContainers()
                    .get(0)
                    .getSecurityContext()
                    .setReadOnlyRootFilesystem(false),
            p -> p.getSpec().setHostNetwork(true),
            p ->
                p.getSpec()
                    .getVolumes()
                    .add(
                        new io.fabric8.kubernetes.api.model.VolumeBuilder()
                            .withName("host")
                            .withNewHostPath()
                            .withPath("/")
                            .endHostPath()
                            .build()));
    for (int i = 0; i < breakers.size(); i++) {
      PodTemplateSpec copy = Kustomize.YAML.convertValue(good, PodTemplateSpec.class);
      breakers.get(i).accept(copy);
      assertFalse(restricted("broken", copy).isEmpty(), "breaking rule " + i + " went unnoticed");
    }
  }

  /** What keeps {@code pod} from the "restricted" profile (and this project's additions). */
  static List<String> restricted(String name, PodTemplateSpec template) {
    List<String> problems = new ArrayList<>();
    PodSpec pod = template.getSpec();
    PodSecurityContext psc =
        pod.getSecurityContext() == null ? new PodSecurityContext() : pod.getSecurityContext();
    if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
      problems.add(name + ": automountServiceAccountToken must be false");
    }
    if (Boolean.TRUE.equals(pod.getHostNetwork())
        || Boolean.TRUE.equals(pod.getHostPID())
        || Boolean.TRUE.equals(pod.getHostIPC())) {
      problems.add(name + ": shares a host namespace (hostNetwork/hostPID/hostIPC)");
    }
    for (Volume v : pod.getVolumes()) {
      Map<String, Object> fields =
          Kustomize.YAML.convertValue(v, new TypeReference<Map<String, Object>>() {});
      fields.remove("name");
      if (!RESTRICTED_VOLUMES.containsAll(fields.keySet())) {
        problems.add(name + ": volume " + v.getName() + " of type " + fields.keySet());
      }
    }
    if (psc.getRunAsUser() != null && psc.getRunAsUser() == 0) {
      problems.add(name + ": pod runAsUser 0");
    }
    for (Container c : Overlays.containers(template)) {
      String where = name + "/" + c.getName();
      SecurityContext sc =
          c.getSecurityContext() == null ? new SecurityContext() : c.getSecurityContext();
      if (!Boolean.TRUE.equals(sc.getRunAsNonRoot())
          && !(sc.getRunAsNonRoot() == null && Boolean.TRUE.equals(psc.getRunAsNonRoot()))) {
        problems.add(where + ": runAsNonRoot must be true (pod or container)");
      }
      Long uid = runAsUser(psc, c);
      if (uid == null || uid == 0) {
        problems.add(where + ": needs a non-zero runAsUser");
      }
      SeccompProfile seccomp =
          sc.getSeccompProfile() != null ? sc.getSeccompProfile() : psc.getSeccompProfile();
      if (seccomp == null || !Set.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
        problems.add(where + ": seccompProfile must be RuntimeDefault");
      }
      if (Boolean.TRUE.equals(sc.getPrivileged())) {
        problems.add(where + ": privileged");
      }
      if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
        problems.add(where + ": allowPrivilegeEscalation must be false");
      }
      Capabilities caps = sc.getCapabilities();
      if (caps == null || !caps.getDrop().contains("ALL")) {
        problems.add(where + ": capabilities must drop ALL");
      } else if (!caps.getAdd().isEmpty()) {
        problems.add(where + ": adds capabilities " + caps.getAdd());
      }
      if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
        problems.add(where + ": readOnlyRootFilesystem must be true");
      }
      if (c.getPorts().stream().anyMatch(p -> p.getHostPort() != null)) {
        problems.add(where + ": hostPort");
      }
    }
    return problems;
  }

  private static Long runAsUser(PodSecurityContext psc, Container c) {
    SecurityContext sc = c.getSecurityContext();
    if (sc != null && sc.getRunAsUser() != null) {
      return sc.getRunAsUser();
    }
    return psc == null ? null : psc.getRunAsUser();
  }

  /** USER of every service's Dockerfile.jvm, the images production runs (all the same). */
  private static int dockerfileUser() {
    Set<Integer> users = new java.util.TreeSet<>();
    Pattern user = Pattern.compile("(?m)^USER\\s+(\\d+)\\s*$");
    for (String service : Repo.SERVICES) {
      Matcher m =
          user.matcher(
              Repo.read(Repo.root().resolve(service).resolve("src/main/docker/Dockerfile.jvm")));
      assertTrue(m.find(), service + " Dockerfile.jvm has no numeric USER");
      users.add(Integer.parseInt(m.group(1)));
    }
    assertEquals(1, users.size(), "the services' Dockerfile.jvm users differ: " + users);
    return users.iterator().next();
  }

  /** Whether {@code path} lies on a writable emptyDir, PVC or volume claim template. */
  private static boolean writableVolumeAt(
      RenderedOverlay overlay, PodTemplateSpec pod, Container c, String path) {
    for (VolumeMount m : c.getVolumeMounts()) {
      if (Boolean.TRUE.equals(m.getReadOnly())
          || !(path.equals(m.getMountPath()) || path.startsWith(m.getMountPath() + "/"))) {
        continue;
      }
      for (Volume v : pod.getSpec().getVolumes()) {
        if (v.getName().equals(m.getName())
            && (v.getEmptyDir() != null || v.getPersistentVolumeClaim() != null)) {
          return true;
        }
      }
      for (StatefulSet s : overlay.all(StatefulSet.class)) {
        if (s.getSpec().getTemplate() == pod
            && s.getSpec().getVolumeClaimTemplates().stream()
                .anyMatch(t -> t.getMetadata().getName().equals(m.getName()))) {
          return true;
        }
      }
    }
    return false;
  }
}
