package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Image names and tags are set in deploy/images only, and every service has both Dockerfiles. */
class ImagesTest {

  private static Map<String, ImageRef> imagesComponent() {
    ObjectNode k = Kustomize.readKustomization(Repo.deploy().resolve("images"));
    Map<String, ImageRef> out = new HashMap<>();
    for (JsonNode e : k.get("images")) {
      out.put(
          e.get("name").asText(),
          new ImageRef(
              e.get("newName").asText(),
              e.hasNonNull("newTag") ? e.get("newTag").asText() : null,
              e.hasNonNull("digest") ? e.get("digest").asText() : null));
    }
    return out;
  }

  @Test
  void everyRenderedImageIsOneThatDeployImagesSets() {
    Set<String> allowed = new HashSet<>();
    imagesComponent().values().forEach(i -> allowed.add(i.toString()));
    Overlays.all()
        .forEach(
            args -> {
              RenderedOverlay overlay = Overlays.of((String) args.get()[0], (String) args.get()[1]);
              overlay
                  .podTemplates()
                  .forEach(
                      (name, pod) ->
                          Overlays.containers(pod)
                              .forEach(
                                  c ->
                                      assertTrue(
                                          allowed.contains(c.getImage()),
                                          overlay
                                              + ": "
                                              + name
                                              + " runs "
                                              + c.getImage()
                                              + ", which deploy/images/kustomization.yaml does not set")));
            });
  }

  @Test
  void manifestsNameImagesWithoutTagsSoTheComponentIsTheOnlyPlaceForThem() throws Exception {
    try (Stream<Path> files = Files.walk(Repo.deploy())) {
      for (Path f :
          files
              .filter(
                  p ->
                      p.toString().endsWith(".yaml")
                          && !p.getFileName().toString().equals("kustomization.yaml"))
              .toList()) {
        for (ObjectNode doc : Kustomize.readManifests(f)) {
          for (ObjectNode c : Kustomize.containers(java.util.List.of(doc))) {
            if (c.has("image")) {
              assertNull(
                  ImageRef.parse(c.get("image").asText()).tag(),
                  f + " sets a tag: " + c.get("image"));
            }
          }
        }
      }
    }
  }

  @Test
  void theThreeServicesAreReleasedUnderOneTag() {
    Map<String, ImageRef> images = imagesComponent();
    Set<String> tags = new HashSet<>();
    for (String service : Repo.SERVICES) {
      ImageRef ref = images.get("podgraph/" + service);
      assertTrue(ref != null, "deploy/images has no entry for podgraph/" + service);
      assertTrue(ref.name().endsWith("/" + service), ref.toString());
      tags.add(ref.tag());
    }
    assertEquals(1, tags.size(), "services carry different tags: " + tags);
  }

  /**
   * Native images have never been built and tested; production runs the JVM images (the tag names
   * the build: -jvm) until they are.
   */
  @Test
  void productionRunsTheJvmImagesOfTheServices() {
    for (String service : Repo.SERVICES) {
      RenderedOverlay overlay = Overlays.of(service, "production");
      String image = Overlays.serviceContainer(overlay).getImage();
      ImageRef ref = ImageRef.parse(image);
      assertTrue(
          ref.tag() != null && ref.tag().endsWith("-jvm"),
          overlay + ": " + image + " is not a JVM image tag");
      assertTrue(
          ref.digest() == null || ref.digest().matches("sha256:[0-9a-f]{64}"),
          overlay + ": digest " + ref.digest());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.podgraph.deploy.Repo#servicesForLocal")
  void everyServiceHasAJvmAndANativeDockerfileExposingItsPort(String service) {
    Path docker = Repo.root().resolve(service).resolve("src/main/docker");
    // The public port and the management port (health, metrics), as docs/CONVENTIONS.md gives them.
    String port =
        Repo.conventionPorts().get(service) + " " + Repo.conventionManagementPorts().get(service);
    String jvm = Repo.read(docker.resolve("Dockerfile.jvm"));
    assertTrue(
        jvm.contains("\nFROM registry.access.redhat.com/ubi9/openjdk-21:"),
        service + " Dockerfile.jvm base image");
    assertTrue(
        jvm.contains("target/quarkus-app/"), service + " Dockerfile.jvm copies the fast-jar");
    assertTrue(jvm.contains("\nEXPOSE " + port + "\n"), service + " Dockerfile.jvm port");
    String nativeFile = Repo.read(docker.resolve("Dockerfile.native"));
    assertTrue(
        nativeFile.contains("\nFROM quay.io/quarkus/ubi9-quarkus-micro-image:"),
        service + " Dockerfile.native base image");
    assertTrue(
        nativeFile.contains("target/*-runner"),
        service + " Dockerfile.native copies the native executable");
    assertTrue(nativeFile.contains("\nEXPOSE " + port + "\n"), service + " Dockerfile.native port");
  }
}
