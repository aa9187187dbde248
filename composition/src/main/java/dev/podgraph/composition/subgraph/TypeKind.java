package dev.podgraph.composition.subgraph;

/** The GraphQL kind of a named type, in the words error messages use. */
public enum TypeKind {
  OBJECT("Object Type"),
  INTERFACE("Interface Type"),
  UNION("Union Type"),
  ENUM("Enum Type"),
  INPUT_OBJECT("Input Object Type"),
  SCALAR("Scalar Type");

  private final String label;

  TypeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
