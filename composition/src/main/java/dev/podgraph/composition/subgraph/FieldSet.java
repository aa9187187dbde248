package dev.podgraph.composition.subgraph;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.List;

/**
 * The selection of a {@code @key}, {@code @requires} or {@code @provides} ({@code "id"}, {@code
 * "organization { id }"}, {@code "... on Book { isbn }"}), resolved against one subgraph's types.
 */
public final class FieldSet {

  /**
   * A field the selection reaches: the type it is selected on, and its definition (or null).
   *
   * @param leaf the selection has no sub-selection
   * @param externalAncestor a field above it in the selection is {@code @external}
   */
  public record Target(
      String parentType,
      Field selection,
      SubgraphField definition,
      boolean leaf,
      boolean externalAncestor) {
    public String coordinate() {
      return parentType + "." + selection.getName();
    }
  }

  /** The field set does not parse as a selection set. */
  public static final class InvalidFieldSetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidFieldSetException(String message) {
      super(message);
    }
  }

  private FieldSet() {}

  /**
   * Every field the selection reaches, depth first; a field unknown to the subgraph is a target
   * with a null definition (the caller decides which error that is).
   */
  public static List<Target> targets(Subgraph subgraph, String parentType, String fieldSet) {
    List<Target> out = new ArrayList<>();
    collect(subgraph, parentType, parse(fieldSet), false, out);
    return out;
  }

  private static SelectionSet parse(String fieldSet) {
    try {
      Document doc = Parser.parse("{" + fieldSet + "}");
      return ((OperationDefinition) doc.getDefinitions().getFirst()).getSelectionSet();
    } catch (InvalidSyntaxException | ClassCastException e) {
      throw new InvalidFieldSetException("cannot parse \"" + fieldSet + "\": " + e.getMessage());
    }
  }

  private static void collect(
      Subgraph subgraph,
      String parentType,
      SelectionSet set,
      boolean externalAncestor,
      List<Target> out) {
    for (Selection<?> selection : set.getSelections()) {
      switch (selection) {
        case Field field -> {
          SubgraphType type = subgraph.type(parentType);
          SubgraphField definition = type == null ? null : type.fields().get(field.getName());
          if (field.getName().equals("__typename")) {
            continue;
          }
          boolean leaf = field.getSelectionSet() == null;
          out.add(new Target(parentType, field, definition, leaf, externalAncestor));
          if (definition != null && !leaf) {
            collect(
                subgraph,
                definition.type().baseName(),
                field.getSelectionSet(),
                externalAncestor || definition.external(),
                out);
          }
        }
        case InlineFragment fragment -> {
          String on =
              fragment.getTypeCondition() == null
                  ? parentType
                  : fragment.getTypeCondition().getName();
          collect(subgraph, on, fragment.getSelectionSet(), externalAncestor, out);
        }
        default ->
            throw new InvalidFieldSetException("named fragments are not allowed in a field set");
      }
    }
  }
}
