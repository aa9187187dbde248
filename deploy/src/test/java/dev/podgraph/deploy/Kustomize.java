package dev.podgraph.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subset of {@code kustomize build} that deploy/ uses, written so the manifests can be checked
 * without a kustomize binary: resources (files and directories), components, configMapGenerator and
 * secretGenerator (create/merge/replace, literals and files, with kustomize's name hash and
 * reference renaming; options.disableNameSuffixHash), strategic-merge patches by file, namespace,
 * labels (pod templates of Deployments, StatefulSets, DaemonSets and CronJobs included) and images.
 * Anything else in a kustomization throws {@link UnsupportedKustomizeFeatureException}.
 */
final class Kustomize {
  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final Set<String> KUSTOMIZATION_FIELDS =
      Set.of(
          "apiVersion",
          "kind",
          "resources",
          "components",
          "namespace",
          "labels",
          "configMapGenerator",
          "secretGenerator",
          "patches",
          "images");
  private static final Set<String> GENERATOR_FIELDS =
      Set.of("name", "behavior", "literals", "files", "options");
  private static final Set<String> GENERATOR_OPTIONS = Set.of("disableNameSuffixHash");
  private static final Set<String> LABEL_FIELDS =
      Set.of("pairs", "includeSelectors", "includeTemplates");
  private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag", "digest");
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition");
  private static final String GENERATED = "internal.podgraph.dev/generated";

  private Kustomize() {}

  /**
   * Renders the kustomization in {@code dir} as kustomize build would, one JSON tree a resource.
   */
  static List<ObjectNode> build(Path dir) {
    List<ObjectNode> resources = accumulate(dir.normalize(), "Kustomization", new ArrayList<>());
    nameGeneratedObjects(resources);
    return resources;
  }

  private static List<ObjectNode> accumulate(
      Path dir, String expectedKind, List<ObjectNode> input) {
    ObjectNode k = readKustomization(dir);
    String kind = k.path("kind").asText("Kustomization");
    if (!kind.equals(expectedKind)) {
      throw new InvalidKustomizationException(
          dir + ": expected kind " + expectedKind + ", found " + kind);
    }
    String expectedApi =
        kind.equals("Component")
            ? "kustomize.config.k8s.io/v1alpha1"
            : "kustomize.config.k8s.io/v1beta1";
    if (k.has("apiVersion") && !k.get("apiVersion").asText().equals(expectedApi)) {
      throw new InvalidKustomizationException(dir + ": apiVersion must be " + expectedApi);
    }
    for (Iterator<String> it = k.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!KUSTOMIZATION_FIELDS.contains(field)) {
        throw new UnsupportedKustomizeFeatureException(
            dir + ": kustomization field '" + field + "'");
      }
    }
    List<ObjectNode> acc = input;
    for (JsonNode r : strings(k, "resources", dir)) {
      Path p = dir.resolve(r.asText()).normalize();
      if (r.asText().contains("://") || r.asText().startsWith("github.com")) {
        throw new UnsupportedKustomizeFeatureException(dir + ": remote resource " + r.asText());
      }
      if (Files.isDirectory(p)) {
        addAll(acc, accumulate(p, "Kustomization", new ArrayList<>()));
      } else {
        requireWithin(dir, p, "resource file");
        addAll(acc, readManifests(p));
      }
    }
    for (JsonNode c : strings(k, "components", dir)) {
      Path p = dir.resolve(c.asText()).normalize();
      if (!Files.isDirectory(p)) {
        throw new InvalidKustomizationException(dir + ": component " + p + " is not a directory");
      }
      acc = accumulate(p, "Component", acc);
    }
    generate(dir, k, "configMapGenerator", "ConfigMap", acc);
    generate(dir, k, "secretGenerator", "Secret", acc);
    for (JsonNode patch : list(k, "patches", dir)) {
      applyPatch(dir, patch, acc);
    }
    if (k.has("namespace")) {
      setNamespace(k.get("namespace").asText(), acc);
    }
    for (JsonNode labels : list(k, "labels", dir)) {
      addLabels(dir, labels, acc);
    }
    for (JsonNode image : list(k, "images", dir)) {
      setImage(dir, image, acc);
    }
    return acc;
  }

  static ObjectNode readKustomization(Path dir) {
    for (String other : List.of("kustomization.yml", "Kustomization")) {
      if (Files.exists(dir.resolve(other))) {
        throw new UnsupportedKustomizeFeatureException(
            dir + ": only kustomization.yaml is read, found " + other);
      }
    }
    Path file = dir.resolve("kustomization.yaml");
    if (!Files.isRegularFile(file)) {
      throw new InvalidKustomizationException(dir + ": no kustomization.yaml");
    }
    try {
      JsonNode node = YAML.readTree(file.toFile());
      if (!(node instanceof ObjectNode o)) {
        throw new InvalidKustomizationException(file + ": not a mapping");
      }
      return o;
    } catch (IOException e) {
      throw new InvalidKustomizationException(file + ": " + e.getMessage(), e);
    }
  }

  static List<ObjectNode> readManifests(Path file) {
    List<ObjectNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> docs =
        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        if (!(doc instanceof ObjectNode o)
            || !o.hasNonNull("apiVersion")
            || !o.hasNonNull("kind")
            || !o.path("metadata").hasNonNull("name")) {
          throw new InvalidKustomizationException(
              file + ": a document without apiVersion, kind and metadata.name");
        }
        out.add(o);
      }
    } catch (IOException e) {
      throw new InvalidKustomizationException(file + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static void addAll(List<ObjectNode> acc, List<ObjectNode> more) {
    for (ObjectNode r : more) {
      if (find(acc, r.get("kind").asText(), name(r)) != null) {
        throw new InvalidKustomizationException(
            "may not add resource with an already registered id: "
                + r.get("kind").asText()
                + "/"
                + name(r));
      }
      acc.add(r);
    }
  }

  private static void generate(
      Path dir, ObjectNode k, String field, String kind, List<ObjectNode> acc) {
    for (JsonNode g : list(k, field, dir)) {
      requireOnly(dir, field, g, GENERATOR_FIELDS);
      String name = g.path("name").asText(null);
      if (name == null) {
        throw new InvalidKustomizationException(dir + ": " + field + " entry without a name");
      }
      Map<String, String> data = new java.util.LinkedHashMap<>();
      for (JsonNode lit : strings(g, "literals", dir)) {
        String text = lit.asText();
        int eq = text.indexOf('=');
        if (eq <= 0) {
          throw new InvalidKustomizationException(dir + ": literal without key=value: " + text);
        }
        putOnce(dir, data, text.substring(0, eq), text.substring(eq + 1));
      }
      for (JsonNode f : strings(g, "files", dir)) {
        String text = f.asText();
        int eq = text.indexOf('=');
        String rel = eq < 0 ? text : text.substring(eq + 1);
        Path p = dir.resolve(rel).normalize();
        requireWithin(dir, p, "generator file");
        String key = eq < 0 ? p.getFileName().toString() : text.substring(0, eq);
        try {
          putOnce(dir, data, key, Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new InvalidKustomizationException(dir + ": cannot read " + p, e);
        }
      }
      if (g.has("options")) {
        requireOnly(dir, field + " options", g.get("options"), GENERATOR_OPTIONS);
      }
      boolean hashed = !g.path("options").path("disableNameSuffixHash").asBoolean(false);
      String behavior = g.path("behavior").asText("create");
      ObjectNode existing = find(acc, kind, name);
      switch (behavior) {
        case "create" -> {
          if (existing != null) {
            throw new InvalidKustomizationException(
                dir + ": " + kind + " " + name + " already exists");
          }
          acc.add(generated(kind, name, data, hashed));
        }
        case "merge", "replace" -> {
          if (existing == null || !existing.path("metadata").path("annotations").has(GENERATED)) {
            throw new InvalidKustomizationException(
                dir + ": " + behavior + " needs an existing generated " + kind + " " + name);
          }
          ObjectNode fresh = generated(kind, name, data, hashed);
          if (behavior.equals("merge")) {
            ((ObjectNode) existing.get("data")).setAll((ObjectNode) fresh.get("data"));
          } else {
            existing.set("data", fresh.get("data"));
          }
        }
        default ->
            throw new UnsupportedKustomizeFeatureException(
                dir + ": generator behavior " + behavior);
      }
    }
  }

  private static void putOnce(Path dir, Map<String, String> data, String key, String value) {
    if (data.put(key, value) != null) {
      throw new InvalidKustomizationException(dir + ": generator key " + key + " given twice");
    }
  }

  private static ObjectNode generated(
      String kind, String name, Map<String, String> data, boolean hashed) {
    ObjectNode o = YAML.createObjectNode();
    o.put("apiVersion", "v1");
    o.put("kind", kind);
    ObjectNode meta = o.putObject("metadata");
    meta.put("name", name);
    meta.putObject("annotations").put(GENERATED, hashed ? "hashed" : "unhashed");
    if (kind.equals("Secret")) {
      o.put("type", "Opaque");
    }
    ObjectNode d = o.putObject("data");
    data.forEach(
        (key, value) ->
            d.put(
                key,
                kind.equals("Secret")
                    ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                    : value));
    return o;
  }

  private static void applyPatch(Path dir, JsonNode entry, List<ObjectNode> acc) {
    requireOnly(dir, "patches", entry, Set.of("path"));
    Path file = dir.resolve(entry.path("path").asText()).normalize();
    requireWithin(dir, file, "patch");
    List<ObjectNode> docs = readManifests(file);
    if (docs.size() != 1) {
      throw new UnsupportedKustomizeFeatureException(
          file + ": a patch file must hold exactly one document");
    }
    ObjectNode patch = docs.get(0);
    ObjectNode target = find(acc, patch.get("kind").asText(), name(patch));
    if (target == null || !target.get("apiVersion").equals(patch.get("apiVersion"))) {
      throw new InvalidKustomizationException(
          file
              + ": no "
              + patch.get("apiVersion").asText()
              + " "
              + patch.get("kind").asText()
              + " "
              + name(patch)
              + " to patch");
    }
    StrategicMerge.apply(target, patch, file.toString());
  }

  private static void setNamespace(String namespace, List<ObjectNode> acc) {
    for (ObjectNode r : acc) {
      if (CLUSTER_SCOPED.contains(r.get("kind").asText())) {
        throw new UnsupportedKustomizeFeatureException(
            "namespace on cluster-scoped " + r.get("kind").asText());
      }
      ((ObjectNode) r.get("metadata")).put("namespace", namespace);
    }
  }

  private static void addLabels(Path dir, JsonNode entry, List<ObjectNode> acc) {
    requireOnly(dir, "labels", entry, LABEL_FIELDS);
    if (entry.path("includeSelectors").asBoolean(false)) {
      throw new UnsupportedKustomizeFeatureException(dir + ": labels.includeSelectors");
    }
    boolean templates = entry.path("includeTemplates").asBoolean(false);
    JsonNode pairs = entry.path("pairs");
    for (ObjectNode r : acc) {
      setAll(((ObjectNode) r.get("metadata")).withObjectProperty("labels"), pairs);
      if (templates && r.get("kind").asText().equals("CronJob")) {
        ObjectNode job = r.withObjectProperty("spec").withObjectProperty("jobTemplate");
        setAll(job.withObjectProperty("metadata").withObjectProperty("labels"), pairs);
        setAll(
            job.withObjectProperty("spec")
                .withObjectProperty("template")
                .withObjectProperty("metadata")
                .withObjectProperty("labels"),
            pairs);
      }
      if (templates && WORKLOADS.contains(r.get("kind").asText())) {
        setAll(
            (r.withObjectProperty("spec")
                    .withObjectProperty("template")
                    .withObjectProperty("metadata"))
                .withObjectProperty("labels"),
            pairs);
        if (r.get("kind").asText().equals("StatefulSet")) {
          for (JsonNode claim : r.path("spec").path("volumeClaimTemplates")) {
            setAll(
                ((ObjectNode) claim).withObjectProperty("metadata").withObjectProperty("labels"),
                pairs);
          }
        }
      }
    }
  }

  private static void setAll(ObjectNode target, JsonNode pairs) {
    pairs.properties().forEach(e -> target.put(e.getKey(), e.getValue().asText()));
  }

  private static void setImage(Path dir, JsonNode entry, List<ObjectNode> acc) {
    requireOnly(dir, "images", entry, IMAGE_FIELDS);
    String match = entry.path("name").asText();
    for (ObjectNode container : containers(acc)) {
      String image = container.path("image").asText();
      ImageRef ref = ImageRef.parse(image);
      if (!ref.name().equals(match)) {
        continue;
      }
      String name = entry.hasNonNull("newName") ? entry.get("newName").asText() : ref.name();
      String tag = entry.hasNonNull("newTag") ? entry.get("newTag").asText() : ref.tag();
      String digest = entry.hasNonNull("digest") ? entry.get("digest").asText() : ref.digest();
      container.put("image", new ImageRef(name, tag, digest).toString());
    }
  }

  /** The pod spec of a workload: spec.template.spec, or a CronJob's job template's. */
  static JsonNode podSpec(JsonNode r) {
    return r.path("kind").asText().equals("CronJob")
        ? r.path("spec").path("jobTemplate").path("spec").path("template").path("spec")
        : r.path("spec").path("template").path("spec");
  }

  static List<ObjectNode> containers(List<ObjectNode> acc) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode r : acc) {
      JsonNode pod = podSpec(r);
      for (String list : List.of("initContainers", "containers")) {
        for (JsonNode c : pod.path(list)) {
          out.add((ObjectNode) c);
        }
      }
    }
    return out;
  }

  /**
   * Appends the content hash to generated names and renames every reference to them, like
   * kustomize.
   */
  private static void nameGeneratedObjects(List<ObjectNode> acc) {
    Map<String, String> renamed = new HashMap<>();
    for (ObjectNode r : acc) {
      ObjectNode meta = (ObjectNode) r.get("metadata");
      JsonNode annotations = meta.path("annotations");
      if (!annotations.has(GENERATED)) {
        continue;
      }
      boolean hashed = annotations.get(GENERATED).asText().equals("hashed");
      ((ObjectNode) annotations).remove(GENERATED);
      if (annotations.isEmpty()) {
        meta.remove("annotations");
      }
      if (!hashed) {
        continue; // options.disableNameSuffixHash: the name stays as written
      }
      String kind = r.get("kind").asText();
      String name = name(r);
      String hash =
          GeneratorHash.suffix(
              kind, name, r.get("data"), kind.equals("Secret") ? r.path("type").asText() : null);
      String newName = name + "-" + hash;
      meta.put("name", newName);
      renamed.put(kind + "/" + name, newName);
    }
    Set<ObjectNode> pods = new HashSet<>();
    for (ObjectNode r : acc) {
      if (podSpec(r) instanceof ObjectNode pod) {
        pods.add(pod);
      }
    }
    for (ObjectNode pod : pods) {
      for (JsonNode volume : pod.path("volumes")) {
        rename(volume.path("configMap"), "name", "ConfigMap", renamed);
        rename(volume.path("secret"), "secretName", "Secret", renamed);
        for (JsonNode source : volume.path("projected").path("sources")) {
          rename(source.path("configMap"), "name", "ConfigMap", renamed);
          rename(source.path("secret"), "name", "Secret", renamed);
        }
      }
      for (String list : List.of("initContainers", "containers")) {
        for (JsonNode c : pod.path(list)) {
          for (JsonNode env : c.path("env")) {
            rename(env.path("valueFrom").path("configMapKeyRef"), "name", "ConfigMap", renamed);
            rename(env.path("valueFrom").path("secretKeyRef"), "name", "Secret", renamed);
          }
          for (JsonNode from : c.path("envFrom")) {
            rename(from.path("configMapRef"), "name", "ConfigMap", renamed);
            rename(from.path("secretRef"), "name", "Secret", renamed);
          }
        }
      }
    }
  }

  private static void rename(JsonNode ref, String field, String kind, Map<String, String> renamed) {
    if (ref instanceof ObjectNode o && o.hasNonNull(field)) {
      String newName = renamed.get(kind + "/" + o.get(field).asText());
      if (newName != null) {
        o.put(field, newName);
      }
    }
  }

  static ObjectNode find(List<ObjectNode> acc, String kind, String name) {
    for (ObjectNode r : acc) {
      if (r.get("kind").asText().equals(kind) && name(r).equals(name)) {
        return r;
      }
    }
    return null;
  }

  static String name(JsonNode r) {
    return r.path("metadata").path("name").asText();
  }

  private static ArrayNode list(JsonNode k, String field, Path dir) {
    JsonNode v = k.get(field);
    if (v == null || v.isNull()) {
      return YAML.createArrayNode();
    }
    if (!(v instanceof ArrayNode a)) {
      throw new InvalidKustomizationException(dir + ": " + field + " must be a list");
    }
    return a;
  }

  private static ArrayNode strings(JsonNode k, String field, Path dir) {
    ArrayNode a = list(k, field, dir);
    for (JsonNode e : a) {
      if (!e.isTextual()) {
        throw new InvalidKustomizationException(dir + ": " + field + " must be a list of strings");
      }
    }
    return a;
  }

  private static void requireOnly(Path dir, String field, JsonNode entry, Set<String> allowed) {
    for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new UnsupportedKustomizeFeatureException(dir + ": " + field + "." + f);
      }
    }
  }

  /** kustomize's default load restrictor: files only from inside the kustomization's directory. */
  private static void requireWithin(Path dir, Path file, String what) {
    if (!file.startsWith(dir)) {
      throw new InvalidKustomizationException(
          dir + ": " + what + " " + file + " is outside the kustomization root");
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidKustomizationException(dir + ": " + what + " " + file + " does not exist");
    }
  }

  /** Reads a manifest file that is not part of a kustomization (tests of the renderer). */
  static String toYaml(List<ObjectNode> resources) {
    StringBuilder out = new StringBuilder();
    for (ObjectNode r : resources) {
      try {
        out.append(YAML.writeValueAsString(r));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.toString();
  }
}
