package dev.podgraph.gateway.plan;

import java.util.List;
import java.util.Optional;

/**
 * A selection of an object's fields used to build a representation: reads {@code sourceKey} from
 * the merged object and writes it under the field's name.
 */
public record Projection(List<Field> fields) {

  public Projection {
    fields = List.copyOf(fields);
  }

  /**
   * @param onType when present, applies only to objects whose {@code __typename} is this type or
   *     implements it
   */
  public record Field(
      String outputKey, String sourceKey, Optional<String> onType, Optional<Projection> children) {}
}
