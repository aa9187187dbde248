package dev.podgraph.gateway.supergraph;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/** Parses the field sets of {@code key}, {@code requires} and {@code provides}. */
public final class FieldSets {

  private FieldSets() {}

  public static graphql.language.SelectionSet parse(String fieldSet) {
    try {
      return Parser.parse("{" + fieldSet + "}")
          .getDefinitionsOfType(OperationDefinition.class)
          .getFirst()
          .getSelectionSet();
    } catch (RuntimeException e) {
      throw new InvalidSupergraphException("invalid field set \"" + fieldSet + "\"", e);
    }
  }
}
