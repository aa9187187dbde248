package dev.podgraph.composition.subgraph;

/** An argument of a field, or a field of an input object (same shape: type and default). */
public record SubgraphArgument(
    String name, String description, TypeRef type, String defaultValue, Metadata metadata) {

  /** Required: must be given, so it cannot be dropped from the merged schema. */
  public boolean required() {
    return type.isNonNull() && defaultValue == null;
  }
}
