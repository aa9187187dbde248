package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where kubectl is installed, its own kustomize must render the same objects (kind, namespace, name
 * including the generated hash) as the test renderer. Skipped where kubectl is absent.
 */
class KubectlKustomizeTest {

  static boolean kubectlInstalled() {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "kubectl")));
  }

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void kubectlKustomizeRendersTheSameObjects(String service, String env) throws Exception {
    Assumptions.assumeTrue(
        kubectlInstalled(), "kubectl is not on PATH: only the test renderer was used");
    Path dir = Repo.deploy().resolve(service).resolve("overlays").resolve(env);
    Process p =
        new ProcessBuilder("kubectl", "kustomize", dir.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + out);
    }
    Path rendered = Files.createTempFile("kustomize", ".yaml");
    Files.writeString(rendered, out);
    Map<String, ObjectNode> theirs = byId(Kustomize.readManifests(rendered));
    Files.delete(rendered);
    Map<String, ObjectNode> ours = byId(Kustomize.build(dir));
    assertEquals(theirs.keySet(), ours.keySet(), dir + ": objects");
    for (String id : theirs.keySet()) {
      assertEquals(theirs.get(id), ours.get(id), dir + ": " + id);
    }
  }

  private static Map<String, ObjectNode> byId(List<ObjectNode> objects) {
    Map<String, ObjectNode> ids = new TreeMap<>();
    objects.forEach(
        o ->
            ids.put(
                o.get("kind").asText()
                    + "/"
                    + o.at("/metadata/namespace").asText()
                    + "/"
                    + Kustomize.name(o),
                o));
    return ids;
  }
}
