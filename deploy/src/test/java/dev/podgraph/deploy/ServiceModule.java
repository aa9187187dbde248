package dev.podgraph.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a service module declares about its configuration: the extensions in its pom.xml, the keys
 * of its application.properties (profile prefixes removed) and the prefixes and names of its own
 * {@code @ConfigMapping} / {@code @ConfigProperty} declarations.
 */
record ServiceModule(
    String name,
    Set<String> dependencies,
    Map<String, String> properties,
    boolean hasApplicationProperties,
    Set<String> mappingPrefixes,
    Set<String> mappingMethods,
    Set<String> configPropertyNames) {

  private static final Pattern MAPPING =
      Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern METHOD =
      Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\s*\\(\\s*\\)\\s*;");

  static ServiceModule load(String name) {
    Path dir = Repo.root().resolve(name);
    Path props = dir.resolve("src/main/resources/application.properties");
    Map<String, String> properties = new LinkedHashMap<>();
    if (Files.isRegularFile(props)) {
      Properties p = new Properties();
      try (var in = Files.newInputStream(props)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      p.forEach((k, v) -> properties.put(withoutProfile(k.toString()), v.toString()));
    }
    Set<String> prefixes = new LinkedHashSet<>();
    Set<String> methods = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    Path sources = dir.resolve("src/main/java");
    if (Files.isDirectory(sources)) {
      try (Stream<Path> files = Files.walk(sources)) {
        files
            .filter(f -> f.toString().endsWith(".java"))
            .map(Repo::read)
            .forEach(
                text -> {
                  Matcher m = MAPPING.matcher(text);
                  if (m.find()) {
                    prefixes.add(m.group(1));
                    do {
                      prefixes.add(m.group(1));
                    } while (m.find());
                    Matcher method = METHOD.matcher(text);
                    while (method.find()) {
                      methods.add(method.group(1));
                    }
                  }
                  Matcher c = CONFIG_PROPERTY.matcher(text);
                  while (c.find()) {
                    names.add(c.group(1));
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ServiceModule(
        name,
        dependencies(dir.resolve("pom.xml")),
        properties,
        Files.isRegularFile(props),
        prefixes,
        methods,
        names);
  }

  /** Whether the module has written any configuration of its own yet. */
  boolean declaresOwnConfiguration() {
    return hasApplicationProperties || !mappingPrefixes.isEmpty() || !configPropertyNames.isEmpty();
  }

  /** The value the service runs with when no environment variable overrides it. */
  String property(String key, String quarkusDefault) {
    return properties.getOrDefault(key, quarkusDefault);
  }

  static String withoutProfile(String key) {
    if (key.startsWith("%")) {
      int dot = key.indexOf('.');
      return key.substring(dot + 1);
    }
    return key;
  }

  /** MicroProfile Config's environment variable name of a property (non-alphanumerics to _). */
  static String environmentVariable(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
  }

  /** The non-test dependencies the pom declares, with those of a parent it names by path. */
  private static Set<String> dependencies(Path pom) {
    try {
      var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
      NodeList deps = doc.getElementsByTagName("dependency");
      Set<String> out = new LinkedHashSet<>();
      for (int i = 0; i < deps.getLength(); i++) {
        Element dep = (Element) deps.item(i);
        Element parent = (Element) dep.getParentNode().getParentNode();
        if (!parent.getTagName().equals("project")) {
          continue; // dependencyManagement or plugin dependencies
        }
        NodeList scope = dep.getElementsByTagName("scope");
        if (scope.getLength() > 0 && scope.item(0).getTextContent().trim().equals("test")) {
          continue;
        }
        out.add(dep.getElementsByTagName("artifactId").item(0).getTextContent().trim());
      }
      // A service inherits the archetype's dependencies from service-parent/pom.xml.
      NodeList relativePath = doc.getElementsByTagName("relativePath");
      if (relativePath.getLength() > 0) {
        out.addAll(
            dependencies(
                pom.resolveSibling(relativePath.item(0).getTextContent().trim()).normalize()));
      }
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom, e);
    }
  }
}
