package dev.podgraph.composition.subgraph;

import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;

/** A field or argument type as a value, so that types from different subgraphs compare equal. */
public sealed interface TypeRef {
  record Named(String name) implements TypeRef {
    @Override
    public String toString() {
      return name;
    }
  }

  record ListOf(TypeRef item) implements TypeRef {
    @Override
    public String toString() {
      return "[" + item + "]";
    }
  }

  record NonNull(TypeRef inner) implements TypeRef {
    @Override
    public String toString() {
      return inner + "!";
    }
  }

  default String baseName() {
    return switch (this) {
      case Named n -> n.name();
      case ListOf l -> l.item().baseName();
      case NonNull n -> n.inner().baseName();
    };
  }

  default boolean isList() {
    return switch (this) {
      case Named n -> false;
      case ListOf l -> true;
      case NonNull n -> n.inner().isList();
    };
  }

  /** True for {@code T!}: an input of this type must be given. */
  default boolean isNonNull() {
    return this instanceof NonNull;
  }

  static TypeRef of(Type<?> type) {
    return switch (type) {
      case TypeName n -> new Named(n.getName());
      case ListType l -> new ListOf(of(l.getType()));
      case NonNullType n -> new NonNull(of(n.getType()));
      default -> throw new IllegalArgumentException("unknown type node " + type);
    };
  }
}
