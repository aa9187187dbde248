package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test renderer itself: what it implements behaves like kustomize, the rest is refused. The
 * expected hashes were printed by {@code kubectl kustomize} (kubectl 1.32.4, kustomize 5.5.0) for
 * the same generators.
 */
class KustomizeTest {
  @TempDir Path dir;

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: app
      spec:
        selector:
          matchLabels: {app: app}
        template:
          metadata:
            labels: {app: app}
          spec:
            containers:
              - name: app
                image: example/app
                args: ["a", "b"]
                env:
                  - name: A
                    value: "1"
                  - name: FROM_CONFIG
                    valueFrom:
                      configMapKeyRef: {name: app-config, key: K}
              - name: sidecar
                image: example/sidecar:1.0
            volumes:
              - name: files
                secret:
                  secretName: app-secret
      """;

  private void write(String file, String text) throws IOException {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void generatedNamesCarryTheHashKubectlKustomizeGives() {
    ObjectNode literal = Kustomize.YAML.createObjectNode().put("FOO", "Bar");
    assertEquals(
        "42cfbf598f", GeneratorHash.suffix("ConfigMap", "example-configmap-2", literal, null));
    ObjectNode file = Kustomize.YAML.createObjectNode().put("application.properties", "FOO=Bar\n");
    assertEquals(
        "g4hk9g2ff8", GeneratorHash.suffix("ConfigMap", "example-configmap-1", file, null));
    ObjectNode html = Kustomize.YAML.createObjectNode().put("x.txt", "a <b> & \"c\"\n\ttab\n");
    assertEquals("md2h74g5m5", GeneratorHash.suffix("ConfigMap", "c", html, null));
    ObjectNode secret =
        Kustomize.YAML.createObjectNode().put("password", "c2VjcmV0").put("username", "YWRtaW4=");
    assertEquals("8c5228dkb9", GeneratorHash.suffix("Secret", "s", secret, "Opaque"));
  }

  @Test
  void generatorsSuffixTheirNamesAndEveryReferenceFollows() throws IOException {
    write("deployment.yaml", DEPLOYMENT);
    write(
        "kustomization.yaml",
        """
        resources: [deployment.yaml]
        configMapGenerator:
          - name: app-config
            literals: [K=v]
        secretGenerator:
          - name: app-secret
            literals: [password=secret]
        """);
    List<ObjectNode> out = Kustomize.build(dir);
    String cm = Kustomize.name(Kustomize.find(out, "ConfigMap", Kustomize.name(out.get(1))));
    assertTrue(cm.startsWith("app-config-") && cm.length() == "app-config-".length() + 10, cm);
    JsonNode pod = out.get(0).at("/spec/template/spec");
    assertEquals(cm, pod.at("/containers/0/env/1/valueFrom/configMapKeyRef/name").asText());
    assertEquals(Kustomize.name(out.get(2)), pod.at("/volumes/0/secret/secretName").asText());
    assertEquals("c2VjcmV0", out.get(2).at("/data/password").asText());
  }

  @Test
  void strategicMergeMergesContainersAndEnvByNameAndReplacesPlainLists() throws IOException {
    write("base/deployment.yaml", DEPLOYMENT);
    write("base/kustomization.yaml", "resources: [deployment.yaml]\n");
    write(
        "overlay/patch.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
        spec:
          replicas: 3
          template:
            spec:
              containers:
                - name: app
                  args: ["c"]
                  env:
                    - name: A
                      value: "2"
                    - name: B
                      value: "3"
        """);
    write("overlay/kustomization.yaml", "resources: [../base]\npatches:\n  - path: patch.yaml\n");
    ObjectNode d = Kustomize.build(dir.resolve("overlay")).get(0);
    assertEquals(3, d.at("/spec/replicas").asInt());
    JsonNode containers = d.at("/spec/template/spec/containers");
    assertEquals(2, containers.size());
    assertEquals("example/sidecar:1.0", containers.get(1).get("image").asText());
    JsonNode app = containers.get(0);
    assertEquals("example/app", app.get("image").asText());
    assertEquals(List.of("c"), List.of(app.get("args").get(0).asText()));
    assertEquals(1, app.get("args").size());
    assertEquals("B", app.at("/env/0/name").asText());
    assertEquals("A", app.at("/env/1/name").asText());
    assertEquals("2", app.at("/env/1/value").asText());
    assertEquals("FROM_CONFIG", app.at("/env/2/name").asText());
  }

  @Test
  void componentsNamespaceLabelsAndImagesApplyToEveryResource() throws IOException {
    write("base/deployment.yaml", DEPLOYMENT);
    write("base/kustomization.yaml", "resources: [deployment.yaml]\n");
    write(
        "images/kustomization.yaml",
        """
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        images:
          - name: example/app
            newName: registry.test/app
            newTag: "2.0"
        """);
    write(
        "overlay/kustomization.yaml",
        """
        namespace: ns
        resources: [../base]
        components: [../images]
        labels:
          - pairs: {env: test}
            includeTemplates: true
        """);
    ObjectNode d = Kustomize.build(dir.resolve("overlay")).get(0);
    assertEquals("ns", d.at("/metadata/namespace").asText());
    assertEquals("test", d.at("/metadata/labels/env").asText());
    assertEquals("test", d.at("/spec/template/metadata/labels/env").asText());
    assertTrue(d.at("/spec/selector/matchLabels/env").isMissingNode());
    assertEquals("registry.test/app:2.0", d.at("/spec/template/spec/containers/0/image").asText());
    assertEquals("example/sidecar:1.0", d.at("/spec/template/spec/containers/1/image").asText());
  }

  @Test
  void refusesKustomizationFeaturesItDoesNotImplement() throws IOException {
    write("deployment.yaml", DEPLOYMENT);
    write("kustomization.yaml", "resources: [deployment.yaml]\nnamePrefix: dev-\n");
    assertThrows(UnsupportedKustomizeFeatureException.class, () -> Kustomize.build(dir));
    write(
        "kustomization.yaml",
        "resources: [deployment.yaml]\nlabels:\n  - pairs: {a: b}\n    includeSelectors: true\n");
    assertThrows(UnsupportedKustomizeFeatureException.class, () -> Kustomize.build(dir));
    write(
        "kustomization.yaml",
        "resources: [deployment.yaml]\nconfigMapGenerator:\n  - name: x\n    envs: [a.env]\n");
    assertThrows(UnsupportedKustomizeFeatureException.class, () -> Kustomize.build(dir));
  }

  @Test
  void refusesPatchesWithoutTargetAndFilesOutsideTheRoot() throws IOException {
    write("deployment.yaml", DEPLOYMENT);
    write(
        "patch.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: other\nspec:\n  replicas: 2\n");
    write("kustomization.yaml", "resources: [deployment.yaml]\npatches:\n  - path: patch.yaml\n");
    assertThrows(InvalidKustomizationException.class, () -> Kustomize.build(dir));
    write("sub/kustomization.yaml", "resources: [../deployment.yaml]\n");
    assertThrows(InvalidKustomizationException.class, () -> Kustomize.build(dir.resolve("sub")));
  }

  @Test
  void strictModelRefusesFieldsKubernetesDoesNotKnow() {
    ObjectNode misspelt = (ObjectNode) Kustomize.YAML.valueToTree(java.util.Map.of());
    misspelt.put("apiVersion", "v1").put("kind", "Service");
    misspelt.putObject("metadata").put("name", "s");
    misspelt.putObject("spec").put("selectr", "x");
    AssertionError e = assertThrows(AssertionError.class, () -> StrictModel.parse(misspelt));
    assertTrue(e.getMessage().contains("selectr"), e.getMessage());
    ObjectNode quantity =
        Kustomize.YAML.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    quantity.putObject("metadata").put("name", "c");
    quantity.put("dta", "x");
    assertThrows(AssertionError.class, () -> StrictModel.parse(quantity));
  }
}
