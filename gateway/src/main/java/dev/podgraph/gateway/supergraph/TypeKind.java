package dev.podgraph.gateway.supergraph;

/** The kinds of named types that planning distinguishes. */
public enum TypeKind {
  OBJECT,
  INTERFACE,
  UNION,
  ENUM,
  INPUT_OBJECT,
  SCALAR;

  public boolean isAbstract() {
    return this == INTERFACE || this == UNION;
  }

  public boolean isComposite() {
    return this == OBJECT || this == INTERFACE || this == UNION;
  }
}
