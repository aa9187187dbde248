package dev.podgraph.gateway.execute;

import dev.podgraph.gateway.plan.EntityRequirement;
import dev.podgraph.gateway.plan.Projection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/** Builds {@code _entities} representations from merged objects. */
final class Representations {

  private final BiPredicate<String, String> typeApplies;

  /**
   * @param typeApplies whether a fragment on the first type applies to an object of the second
   */
  Representations(BiPredicate<String, String> typeApplies) {
    this.typeApplies = typeApplies;
  }

  /** The representation, or empty when the object lacks a key field (it cannot be resolved). */
  Optional<Map<String, Object>> of(EntityRequirement requirement, Map<String, Object> object) {
    Map<String, Object> representation = new LinkedHashMap<>();
    representation.put("__typename", requirement.representationType());
    if (!project(requirement.projection(), object, representation, true)) {
      return Optional.empty();
    }
    return Optional.of(representation);
  }

  /** One projected field's value read from an object (null when the object lacks it). */
  Object value(Projection.Field field, Map<String, Object> object) {
    return copy(object.get(field.sourceKey()), field.children());
  }

  private boolean project(
      Projection projection, Map<String, Object> from, Map<String, Object> to, boolean top) {
    Object typename = from.get("__typename");
    for (Projection.Field field : projection.fields()) {
      if (field.onType().isPresent()
          && !(typename instanceof String t && typeApplies.test(field.onType().get(), t))) {
        continue;
      }
      if (top && field.outputKey().equals("__typename")) {
        continue;
      }
      if (!from.containsKey(field.sourceKey())) {
        return false;
      }
      Object value = from.get(field.sourceKey());
      to.put(field.outputKey(), copy(value, field.children()));
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private Object copy(Object value, Optional<Projection> children) {
    if (children.isEmpty() || value == null) {
      return value;
    }
    if (value instanceof List<?> list) {
      List<Object> copied = new ArrayList<>(list.size());
      list.forEach(v -> copied.add(copy(v, children)));
      return copied;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copied = new LinkedHashMap<>();
      project(children.get(), (Map<String, Object>) map, copied, false);
      return copied;
    }
    return value;
  }
}
