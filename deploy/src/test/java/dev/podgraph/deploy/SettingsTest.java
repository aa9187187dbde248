package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The environment variables of every service are settings the service really reads. */
class SettingsTest {
  /** MicroProfile JWT specification properties: read by smallrye-jwt, not in Quarkus' own model. */
  private static final Set<String> MP_JWT =
      Set.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer");

  /** The settings docs/CONVENTIONS.md gives each service, which its Deployment must set. */
  private static final Map<String, Set<String>> REQUIRED =
      Map.of(
          "catalog-service", subgraphSettings(),
          "guest-service", subgraphSettings(),
          "gateway", Set.of("QUARKUS_HTTP_PORT", "GATEWAY_SUPERGRAPH"));

  private static Set<String> subgraphSettings() {
    return Set.of(
        "QUARKUS_HTTP_PORT",
        "QUARKUS_DATASOURCE_JDBC_URL",
        "QUARKUS_DATASOURCE_USERNAME",
        "QUARKUS_DATASOURCE_PASSWORD",
        "QUARKUS_REDIS_HOSTS",
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
        "MP_JWT_VERIFY_ISSUER");
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void theServiceGetsEverySettingTheConventionsGiveIt(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    Container c = Overlays.serviceContainer(overlay);
    for (String name : REQUIRED.get(service)) {
      assertTrue(
          Overlays.env(c, name).isPresent(), overlay + ": " + service + " does not get " + name);
    }
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void theServiceLogsOneJsonObjectALineInKubernetes(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    assertEquals(
        "true",
        Overlays.envValue(
            overlay, Overlays.serviceContainer(overlay), "QUARKUS_LOG_CONSOLE_JSON_ENABLED"),
        overlay + ": JSON logs");
    assertTrue(
        ServiceModule.load(service).dependencies().contains("quarkus-logging-json"),
        service + "/pom.xml lacks quarkus-logging-json: the setting would do nothing");
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void everyEnvironmentVariableMapsToAPropertyTheServiceReads(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    ServiceModule module = ServiceModule.load(service);
    List<String> wrong = new ArrayList<>();
    List<String> unverifiable = new ArrayList<>();
    for (EnvVar var : Overlays.serviceContainer(overlay).getEnv()) {
      String problem = resolve(var.getName(), module);
      if (problem == null) {
        continue;
      }
      if (problem.startsWith("?")) {
        unverifiable.add(var.getName() + problem.substring(1));
      } else {
        wrong.add(var.getName() + ": " + problem);
      }
    }
    assertTrue(wrong.isEmpty(), overlay + ":\n" + String.join("\n", wrong));
    Assumptions.assumeTrue(
        unverifiable.isEmpty(),
        service
            + " has no application.properties, @ConfigMapping or @ConfigProperty yet, so these cannot be checked: "
            + unverifiable);
  }

  /**
   * Null when the variable is a property the service reads; a reason otherwise ("?" = cannot tell
   * yet).
   */
  static String resolve(String variable, ServiceModule module) {
    var quarkus = QuarkusConfigModel.get().byEnvironmentVariable(variable);
    if (quarkus.isPresent()) {
      String extension = quarkus.get().extension();
      return QuarkusConfigModel.serviceHas(module.dependencies(), extension)
          ? null
          : quarkus.get().name()
              + " belongs to "
              + extension
              + ", which "
              + module.name()
              + "/pom.xml does not declare";
    }
    for (String mp : MP_JWT) {
      if (ServiceModule.environmentVariable(mp).equals(variable)) {
        return module.dependencies().contains("quarkus-smallrye-jwt")
            ? null
            : mp + " needs quarkus-smallrye-jwt";
      }
    }
    if (variable.startsWith("QUARKUS_")) {
      return "no Quarkus extension on the classpath of this test defines it";
    }
    for (String key : module.properties().keySet()) {
      if (ServiceModule.environmentVariable(key).equals(variable)) {
        return null;
      }
    }
    for (String name : module.configPropertyNames()) {
      if (ServiceModule.environmentVariable(name).equals(variable)) {
        return null;
      }
    }
    for (String prefix : module.mappingPrefixes()) {
      String head = ServiceModule.environmentVariable(prefix) + "_";
      if (variable.startsWith(head)) {
        String rest = variable.substring(head.length()).toLowerCase(java.util.Locale.ROOT);
        if (isMappingPath(rest.split("_"), 0, module.mappingMethods())) {
          return null;
        }
      }
    }
    return module.declaresOwnConfiguration()
        ? "neither application.properties nor a @ConfigMapping/@ConfigProperty of "
            + module.name()
            + " declares it"
        : "? (" + module.name() + " declares no configuration of its own yet)";
  }

  /**
   * True when the words from {@code from} on name a path of mapping methods: {@code
   * trusted_documents_mode} is {@code trustedDocuments().mode()} of a nested group.
   */
  private static boolean isMappingPath(String[] words, int from, Set<String> methods) {
    for (int end = from + 1; end <= words.length; end++) {
      String method = camel(String.join("_", java.util.Arrays.copyOfRange(words, from, end)));
      if (methods.contains(method) && (end == words.length || isMappingPath(words, end, methods))) {
        return true;
      }
    }
    return false;
  }

  private static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return out.toString();
  }

  @org.junit.jupiter.api.Test
  void aVariableOfAnExtensionTheServiceLacksIsRejected() {
    ServiceModule gatewayLike =
        new ServiceModule(
            "x", Set.of("quarkus-vertx-http"), Map.of(), false, Set.of(), Set.of(), Set.of());
    assertEquals(null, resolve("QUARKUS_HTTP_PORT", gatewayLike));
    assertTrue(resolve("QUARKUS_DATASOURCE_JDBC_URL", gatewayLike).contains("quarkus-agroal"));
    assertTrue(
        resolve("QUARKUS_DATASOURCE_JDBC_ULR", gatewayLike).startsWith("no Quarkus extension"));
    ServiceModule withMapping =
        new ServiceModule(
            "x",
            Set.of(),
            Map.of(),
            false,
            Set.of("gateway"),
            Set.of("supergraph", "forwardHeaders", "trustedDocuments", "mode"),
            Set.of());
    assertEquals(null, resolve("GATEWAY_FORWARD_HEADERS", withMapping));
    assertTrue(resolve("GATEWAY_SUPERGRAF", withMapping).startsWith("neither"));
    assertEquals(null, resolve("GATEWAY_TRUSTED_DOCUMENTS_MODE", withMapping));
    assertTrue(resolve("GATEWAY_TRUSTED_DOCUMENTS_MOOD", withMapping).startsWith("neither"));
  }

  @ParameterizedTest(name = "{0}/overlays/production")
  @MethodSource("dev.podgraph.deploy.Repo#subgraphs")
  void productionVerifiesTokensWithTheIssuersJwksOverHttps(String service) {
    RenderedOverlay overlay = Overlays.of(service, "production");
    Container c = Overlays.serviceContainer(overlay);
    String issuer = Overlays.envValue(overlay, c, "MP_JWT_VERIFY_ISSUER");
    assertEquals("https://podgraph.dev/issuer", issuer);
    URI jwks = URI.create(Overlays.envValue(overlay, c, "MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
    assertEquals("https", jwks.getScheme(), overlay + ": the JWKS must come over HTTPS");
    assertEquals(
        URI.create(issuer).getHost(), jwks.getHost(), overlay + ": JWKS from another host");
    // No key file in production: not the development key (whose private half is in the
    // repository), not a copy that would need a redeploy on every rotation of the issuer's key.
    assertTrue(
        overlay.podTemplates().get(service).getSpec().getVolumes().stream()
            .noneMatch(v -> v.getName().contains("jwt")),
        overlay + ": mounts a JWT key");
    assertTrue(
        overlay.all(io.fabric8.kubernetes.api.model.ConfigMap.class).stream()
            .flatMap(m -> m.getData().values().stream())
            .noneMatch(v -> v.contains("BEGIN PUBLIC KEY")),
        overlay + ": renders a public key");
  }

  @ParameterizedTest(name = "gateway/overlays/{0}")
  @MethodSource("dev.podgraph.deploy.Repo#environments")
  void theGatewayReadsItsSupergraphFromTheGeneratedConfigMap(String env) {
    RenderedOverlay overlay = Overlays.of("gateway", env);
    Container c = Overlays.serviceContainer(overlay);
    String file = Overlays.envValue(overlay, c, "GATEWAY_SUPERGRAPH");
    String content = mountedFile(overlay, overlay.podTemplates().get("gateway").getSpec(), c, file);
    assertEquals(Repo.read(Repo.deploy().resolve("gateway/base/supergraph.graphql")), content);
    assertFalse(
        Overlays.env(c, "GATEWAY_SUBGRAPHS").isPresent(),
        "GATEWAY_SUBGRAPHS is the development mode: it would override the ConfigMap");
    // Hot reload: the ConfigMap keeps its name when the supergraph changes (no content hash), and
    // the directory is mounted without subPath, so the kubelet swaps the file in running pods.
    assertTrue(
        overlay.podTemplates().get("gateway").getSpec().getVolumes().stream()
            .anyMatch(
                v ->
                    v.getConfigMap() != null
                        && "gateway-supergraph".equals(v.getConfigMap().getName())),
        overlay + ": the supergraph ConfigMap's name changes with its content");
    assertTrue(
        c.getVolumeMounts().stream()
            .filter(m -> file.startsWith(m.getMountPath()))
            .allMatch(m -> m.getSubPath() == null || m.getSubPath().isEmpty()),
        overlay + ": a subPath mount never sees a new supergraph");
  }

  /** The content a container sees at {@code path}, from a ConfigMap volume of the overlay. */
  static String mountedFile(RenderedOverlay overlay, PodSpec pod, Container c, String path) {
    for (VolumeMount mount : c.getVolumeMounts()) {
      String dir =
          mount.getMountPath().endsWith("/") ? mount.getMountPath() : mount.getMountPath() + "/";
      if (!path.startsWith(dir)) {
        continue;
      }
      assertTrue(
          mount.getSubPath() == null, overlay + ": subPath mounts never see ConfigMap updates");
      Volume volume =
          pod.getVolumes().stream()
              .filter(v -> v.getName().equals(mount.getName()))
              .findFirst()
              .orElseThrow(() -> new AssertionError(overlay + ": no volume " + mount.getName()));
      String cm = volume.getConfigMap().getName();
      String key = path.substring(dir.length());
      String content = overlay.configMap(cm).map(m -> m.getData().get(key)).orElse(null);
      if (content == null) {
        throw new AssertionError(overlay + ": ConfigMap " + cm + " has no " + key + " for " + path);
      }
      return content;
    }
    throw new AssertionError(overlay + ": nothing is mounted at " + path);
  }
}
