package dev.podgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration properties of the Quarkus extensions on this module's test classpath, read from
 * the model every extension jar carries (META-INF/quarkus-config-doc/quarkus-config-model.json):
 * property name, environment variable, default value and owning extension.
 */
final class QuarkusConfigModel {
  record Property(String name, String environmentVariable, String defaultValue, String extension) {}

  /**
   * Which extension brings another one with it, for extensions a service pom names only indirectly.
   */
  private static final Map<String, Set<String>> BROUGHT_BY =
      Map.of(
          "quarkus-vertx-http",
              Set.of(
                  "quarkus-smallrye-graphql",
                  "quarkus-smallrye-health",
                  "quarkus-rest",
                  "quarkus-micrometer-registry-prometheus"),
          "quarkus-datasource",
              Set.of(
                  "quarkus-jdbc-postgresql",
                  "quarkus-agroal",
                  "quarkus-hibernate-orm",
                  "quarkus-hibernate-orm-panache"),
          "quarkus-agroal",
              Set.of(
                  "quarkus-jdbc-postgresql",
                  "quarkus-hibernate-orm",
                  "quarkus-hibernate-orm-panache"),
          "quarkus-smallrye-health-deployment", Set.of("quarkus-smallrye-health"));

  private static final QuarkusConfigModel INSTANCE = load();

  private final Map<String, Property> byEnvironmentVariable;
  private final Map<String, Property> byName;

  private QuarkusConfigModel(Map<String, Property> byEnv, Map<String, Property> byName) {
    this.byEnvironmentVariable = byEnv;
    this.byName = byName;
  }

  static QuarkusConfigModel get() {
    return INSTANCE;
  }

  Optional<Property> byEnvironmentVariable(String variable) {
    return Optional.ofNullable(byEnvironmentVariable.get(variable));
  }

  Property byName(String name) {
    Property p = byName.get(name);
    if (p == null) {
      throw new IllegalStateException("no Quarkus property " + name + " on the test classpath");
    }
    return p;
  }

  /** Whether a service with these direct dependencies has the extension that owns a property. */
  static boolean serviceHas(Set<String> dependencies, String extension) {
    String runtime = extension.replace("-deployment", "");
    return runtime.equals("quarkus-core") // every Quarkus application has it
        || dependencies.contains(runtime)
        || dependencies.contains(extension)
        || BROUGHT_BY.getOrDefault(extension, Set.of()).stream().anyMatch(dependencies::contains);
  }

  private static QuarkusConfigModel load() {
    ObjectMapper json = new ObjectMapper();
    Map<String, Property> byEnv = new HashMap<>();
    Map<String, Property> byName = new HashMap<>();
    try {
      for (URL url :
          Collections.list(
              QuarkusConfigModel.class
                  .getClassLoader()
                  .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json"))) {
        try (InputStream in = url.openStream()) {
          for (JsonNode root : json.readTree(in).path("configRoots")) {
            String extension = root.path("extension").path("artifactId").asText();
            collect(root, extension, byEnv, byName);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (byName.isEmpty()) {
      throw new IllegalStateException("no Quarkus configuration model on the classpath");
    }
    return new QuarkusConfigModel(byEnv, byName);
  }

  private static void collect(
      JsonNode node, String extension, Map<String, Property> byEnv, Map<String, Property> byName) {
    if (node.isObject()) {
      JsonNode path = node.get("path");
      if (path != null && path.has("property") && path.has("environmentVariable")) {
        String defaultValue =
            node.hasNonNull("defaultValue") ? node.get("defaultValue").asText() : null;
        Property p =
            new Property(
                path.get("property").asText(),
                path.get("environmentVariable").asText(),
                defaultValue,
                extension);
        byEnv.put(p.environmentVariable(), p);
        byName.put(p.name(), p);
      }
      node.properties().forEach(e -> collect(e.getValue(), extension, byEnv, byName));
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, extension, byEnv, byName));
    }
  }
}
