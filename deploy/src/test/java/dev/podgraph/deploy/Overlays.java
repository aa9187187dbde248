package dev.podgraph.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Every overlay rendered once per test run, and the helpers the manifest tests share. */
final class Overlays {
  private static final Map<String, RenderedOverlay> CACHE = new LinkedHashMap<>();

  private Overlays() {}

  static synchronized RenderedOverlay of(String service, String environment) {
    return CACHE.computeIfAbsent(
        service + "/" + environment, k -> RenderedOverlay.render(service, environment));
  }

  static List<RenderedOverlay> environment(String environment) {
    return Repo.SERVICES.stream().map(s -> of(s, environment)).toList();
  }

  static Stream<Arguments> all() {
    return Repo.SERVICES.stream()
        .flatMap(s -> Repo.ENVIRONMENTS.stream().map(e -> Arguments.of(s, e)));
  }

  static Stream<Arguments> subgraphs() {
    return Repo.SUBGRAPHS.stream()
        .flatMap(s -> Repo.ENVIRONMENTS.stream().map(e -> Arguments.of(s, e)));
  }

  /** Label selector semantics, for the selectors deploy/ writes (matchLabels only). */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
      throw new AssertionError(
          "matchExpressions are not used in deploy/ and not checked: " + selector);
    }
    Map<String, String> wanted =
        selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    Map<String, String> have = labels == null ? Map.of() : labels;
    return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
  }

  static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    return matches(new LabelSelector(List.of(), selector), labels);
  }

  /** The application container of a service's Deployment (named like the service). */
  static Container serviceContainer(RenderedOverlay overlay) {
    PodTemplateSpec pod = overlay.podTemplates().get(overlay.service());
    if (pod == null) {
      throw new AssertionError(overlay + ": no workload named " + overlay.service());
    }
    return pod.getSpec().getContainers().stream()
        .filter(c -> c.getName().equals(overlay.service()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(overlay + ": no container named " + overlay.service()));
  }

  static Optional<EnvVar> env(Container c, String name) {
    return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
  }

  /**
   * The value an environment variable gets: literal, or read from the overlay's ConfigMap/Secret.
   */
  static String envValue(RenderedOverlay overlay, Container c, String name) {
    EnvVar var =
        env(c, name)
            .orElseThrow(
                () -> new AssertionError(overlay + ": " + c.getName() + " has no " + name));
    if (var.getValueFrom() == null) {
      return var.getValue();
    }
    var cm = var.getValueFrom().getConfigMapKeyRef();
    if (cm != null) {
      return overlay
          .configMap(cm.getName())
          .map(m -> m.getData().get(cm.getKey()))
          .orElseThrow(() -> new AssertionError(overlay + ": no ConfigMap " + cm.getName()));
    }
    var secret = var.getValueFrom().getSecretKeyRef();
    if (secret != null) {
      String b64 =
          overlay
              .secret(secret.getName())
              .map(s -> s.getData().get(secret.getKey()))
              .orElseThrow(() -> new AssertionError(overlay + ": no Secret " + secret.getName()));
      return new String(
          java.util.Base64.getDecoder().decode(b64), java.nio.charset.StandardCharsets.UTF_8);
    }
    throw new AssertionError(
        overlay + ": " + name + " is neither a value nor a ConfigMap/Secret key");
  }

  static List<Container> containers(PodTemplateSpec pod) {
    List<Container> out = new ArrayList<>(pod.getSpec().getContainers());
    if (pod.getSpec().getInitContainers() != null) {
      out.addAll(pod.getSpec().getInitContainers());
    }
    return out;
  }
}
