package dev.podgraph.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One overlay of one service, rendered by {@link Kustomize} and parsed by {@link StrictModel}. */
record RenderedOverlay(String service, String environment, List<HasMetadata> objects) {

  static RenderedOverlay render(String service, String environment) {
    Path dir = Repo.deploy().resolve(service).resolve("overlays").resolve(environment);
    List<ObjectNode> trees = Kustomize.build(dir);
    return new RenderedOverlay(
        service, environment, trees.stream().map(StrictModel::parse).toList());
  }

  @Override
  public String toString() {
    return service + "/overlays/" + environment;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
    return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
  }

  <T extends HasMetadata> T require(Class<T> type, String name) {
    return named(type, name)
        .orElseThrow(() -> new AssertionError(this + ": no " + type.getSimpleName() + " " + name));
  }

  /** Pod templates by workload name: Deployments, StatefulSets and CronJobs' job templates. */
  Map<String, PodTemplateSpec> podTemplates() {
    Map<String, PodTemplateSpec> out = new java.util.LinkedHashMap<>();
    all(Deployment.class)
        .forEach(d -> out.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
    all(StatefulSet.class)
        .forEach(s -> out.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
    all(CronJob.class)
        .forEach(
            c ->
                out.put(
                    c.getMetadata().getName(),
                    c.getSpec().getJobTemplate().getSpec().getTemplate()));
    return out;
  }

  Optional<ConfigMap> configMap(String name) {
    return named(ConfigMap.class, name);
  }

  Optional<Secret> secret(String name) {
    return named(Secret.class, name);
  }
}
