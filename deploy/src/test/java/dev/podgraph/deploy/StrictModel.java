package dev.podgraph.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Parses rendered manifests into fabric8 Kubernetes model objects, strictly: the apiVersion/kind
 * must be one deploy/ is allowed to use, every field must be one the model knows (fabric8 keeps
 * unknown fields in {@code additionalProperties}, which must stay empty everywhere), and every
 * quantity must parse.
 */
final class StrictModel {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.ofEntries(
          Map.entry("apps/v1 Deployment", Deployment.class),
          Map.entry("apps/v1 StatefulSet", StatefulSet.class),
          Map.entry("batch/v1 CronJob", CronJob.class),
          Map.entry("v1 Service", Service.class),
          Map.entry("v1 ConfigMap", ConfigMap.class),
          Map.entry("v1 Secret", Secret.class),
          Map.entry("v1 PersistentVolumeClaim", PersistentVolumeClaim.class),
          Map.entry("networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class),
          Map.entry("networking.k8s.io/v1 Ingress", Ingress.class),
          Map.entry("autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("policy/v1 PodDisruptionBudget", PodDisruptionBudget.class));

  private StrictModel() {}

  static HasMetadata parse(ObjectNode node) {
    String id = node.path("apiVersion").asText() + " " + node.path("kind").asText();
    Class<? extends HasMetadata> type = KINDS.get(id);
    String where = id + " " + Kustomize.name(node);
    if (type == null) {
      throw new AssertionError(where + ": not a kind deploy/ uses (" + KINDS.keySet() + ")");
    }
    HasMetadata parsed;
    try {
      parsed = JSON.treeToValue(node, type);
    } catch (Exception e) {
      throw new AssertionError(
          where + ": does not parse as " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
    List<String> problems = new ArrayList<>();
    walk(parsed, where, problems);
    if (!problems.isEmpty()) {
      throw new AssertionError(String.join("\n", problems));
    }
    return parsed;
  }

  private static void walk(Object value, String path, List<String> problems) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", problems);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, problems));
      return;
    }
    Class<?> type = value.getClass();
    if (!type.getName().startsWith("io.fabric8.") || type.isEnum()) {
      return;
    }
    if (value instanceof Quantity q) {
      try {
        q.getNumericalAmount();
      } catch (RuntimeException e) {
        problems.add(path + ": not a quantity: " + q);
      }
    }
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() != 0
          || Modifier.isStatic(m.getModifiers())
          || !m.getName().startsWith("get")
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      Object child = invoke(m, value);
      if (m.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          problems.add(path + ": fields the Kubernetes model does not know: " + extra.keySet());
        }
      } else if (!(value instanceof Quantity) && !(value instanceof IntOrString)) {
        walk(child, path + "." + property(m.getName()), problems);
      }
    }
  }

  private static Object invoke(Method m, Object target) {
    try {
      return m.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return null;
    }
  }

  private static String property(String getter) {
    return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
  }
}
