package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Development credentials exist only in the local overlays. Production renders no Secret at all: it
 * references the Secrets of {@link Repo#PLATFORM_SECRETS}, which the platform creates under those
 * names and keys, and which deploy/README.md and deploy/examples/external-secrets.yaml document.
 */
class SecretsTest {

  @ParameterizedTest
  @MethodSource("dev.podgraph.deploy.Repo#servicesForLocal")
  void noBaseGeneratesASecret(String service) {
    ObjectNode k = Kustomize.readKustomization(Repo.deploy().resolve(service).resolve("base"));
    assertFalse(
        k.has("secretGenerator"),
        service
            + "/base generates a Secret: production would render it (put it in overlays/local)");
  }

  @ParameterizedTest(name = "{0}/overlays/production")
  @MethodSource("dev.podgraph.deploy.Repo#servicesForLocal")
  void productionRendersNoSecret(String service) {
    RenderedOverlay overlay = Overlays.of(service, "production");
    assertEquals(
        Set.of(),
        Set.copyOf(overlay.all(Secret.class).stream().map(s -> s.getMetadata().getName()).toList()),
        overlay + ": production must not generate Secrets; reference platform Secrets instead");
  }

  @ParameterizedTest(name = "{0}/overlays/production")
  @MethodSource("dev.podgraph.deploy.Repo#servicesForLocal")
  void productionContainsNoDevelopmentCredential(String service) {
    String production =
        Kustomize.toYaml(
            Kustomize.build(Repo.deploy().resolve(service).resolve("overlays/production")));
    assertFalse(production.contains("dev-password"), service + ": a development password");
    for (RenderedOverlay local : Overlays.environment("local")) {
      for (Secret s : local.all(Secret.class)) {
        for (var e : s.getData().entrySet()) {
          if (!e.getKey().contains("password")) {
            continue; // user names (catalog, guest) are no secret
          }
          String plain =
              new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8);
          for (String form : Set.of(plain, e.getValue())) {
            assertFalse(
                production.contains(form),
                service
                    + "/overlays/production contains the local value of "
                    + s.getMetadata().getName()
                    + "/"
                    + e.getKey());
          }
        }
      }
    }
  }

  @Test
  void productionReferencesExactlyTheDocumentedPlatformSecrets() {
    Map<String, Set<String>> referenced = new TreeMap<>();
    for (RenderedOverlay overlay : Overlays.environment("production")) {
      references(overlay)
          .forEach((k, v) -> referenced.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
    }
    Map<String, Set<String>> documented = new TreeMap<>();
    Repo.PLATFORM_SECRETS.forEach((k, v) -> documented.put(k, new TreeSet<>(v)));
    assertEquals(documented, referenced, "production's Secret references vs Repo.PLATFORM_SECRETS");
  }

  @ParameterizedTest(name = "{0}/overlays/local")
  @MethodSource("dev.podgraph.deploy.Repo#subgraphs")
  void localGeneratesTheSameSecretsUnderTheSameNamesAndKeys(String service) {
    RenderedOverlay local = Overlays.of(service, "local");
    Map<String, Set<String>> localRefs = new TreeMap<>();
    references(local)
        .forEach(
            (name, keys) -> {
              Secret s =
                  local
                      .secret(name)
                      .orElseThrow(() -> new AssertionError(local + ": no Secret " + name));
              assertTrue(s.getData().keySet().containsAll(keys), local + ": " + name + " keys");
              // kustomize's content hash: name-<10 characters>
              localRefs.put(name.replaceFirst("-[a-z0-9]{10}$", ""), keys);
            });
    Map<String, Set<String>> productionRefs =
        new TreeMap<>(references(Overlays.of(service, "production")));
    assertEquals(productionRefs, localRefs, service + ": local and production use other Secrets");
  }

  @Test
  void deployReadmeAndTheExternalSecretExampleDocumentEveryPlatformSecret() {
    String readme = Repo.read(Repo.deploy().resolve("README.md"));
    Map<String, Set<String>> produced = new TreeMap<>();
    for (ObjectNode doc :
        Kustomize.readManifests(Repo.deploy().resolve("examples/external-secrets.yaml"))) {
      String kind = doc.get("kind").asText();
      if (kind.equals("ExternalSecret")) {
        Set<String> keys = new TreeSet<>();
        for (JsonNode d : doc.path("spec").path("data")) {
          keys.add(d.path("secretKey").asText());
        }
        produced.put(doc.path("spec").path("target").path("name").asText(), keys);
      } else if (kind.equals("Certificate")) {
        produced.put(
            doc.path("spec").path("secretName").asText(),
            new TreeSet<>(Set.of("tls.crt", "tls.key")));
      }
    }
    Map<String, Set<String>> documented = new TreeMap<>();
    Repo.PLATFORM_SECRETS.forEach((k, v) -> documented.put(k, new TreeSet<>(v)));
    assertEquals(documented, produced, "deploy/examples/external-secrets.yaml");
    for (String name : Repo.PLATFORM_SECRETS.keySet()) {
      assertTrue(readme.contains("`" + name + "`"), "deploy/README.md does not document " + name);
    }
    for (String overlay : Repo.SERVICES) {
      assertFalse(
          Repo.read(Repo.deploy().resolve(overlay).resolve("base/kustomization.yaml"))
              .contains("examples"),
          "the examples are not applied");
    }
  }

  /** Secret name -> keys that the overlay's pods and Ingresses reference. */
  static Map<String, Set<String>> references(RenderedOverlay overlay) {
    Map<String, Set<String>> out = new TreeMap<>();
    overlay
        .podTemplates()
        .values()
        .forEach(
            pod -> {
              for (Container c : Overlays.containers(pod)) {
                for (EnvVar var : c.getEnv()) {
                  if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                    var ref = var.getValueFrom().getSecretKeyRef();
                    out.computeIfAbsent(ref.getName(), k -> new TreeSet<>()).add(ref.getKey());
                  }
                }
              }
              for (Volume v : pod.getSpec().getVolumes()) {
                if (v.getSecret() != null) {
                  throw new AssertionError(
                      overlay + ": Secret volumes are not used in deploy/ and not checked");
                }
              }
            });
    for (Ingress ingress : overlay.all(Ingress.class)) {
      ingress
          .getSpec()
          .getTls()
          .forEach(
              tls ->
                  out.computeIfAbsent(tls.getSecretName(), k -> new TreeSet<>())
                      .addAll(Set.of("tls.crt", "tls.key")));
    }
    return out;
  }
}
