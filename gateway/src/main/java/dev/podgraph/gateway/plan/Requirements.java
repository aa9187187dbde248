package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.FieldInSubgraph;
import dev.podgraph.gateway.supergraph.FieldModel;
import dev.podgraph.gateway.supergraph.TypeModel;
import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conditions: a key's fields and {@code @requires} field sets, planned into the fetch that holds
 * the objects (which may itself need jumps), and the projections that turn those objects into
 * representations. Requirement fields never take a response key the client uses for something else;
 * required fields with arguments get a private alias ({@link InternalAliases}).
 */
// graphql-java's AST API hands out raw lists (List<Selection>).
@SuppressWarnings("rawtypes")
final class Requirements {

  private final Traversal traversal;

  Requirements(Traversal traversal) {
    this.traversal = traversal;
  }

  /**
   * A field with {@code @requires} reads the required fields from its representation: unless the
   * subgraph resolves them all itself, it must be asked through {@code _entities}, even of the
   * subgraph the current fetch already talks to.
   */
  boolean needOwnRepresentation(TypeModel type, FieldModel model, PlanningContext ctx) {
    FieldInSubgraph in = model.perSubgraph().get(ctx.subgraph());
    if (in == null || in.requires().isEmpty()) {
      return false;
    }
    for (Selection<?> selection : in.requires().get().getSelections()) {
      if (!(selection instanceof Field required)) {
        return true;
      }
      Optional<FieldModel> requiredModel = type.field(required.getName());
      if (requiredModel.isEmpty()
          || !traversal.facts.resolves(ctx.subgraph(), type, requiredModel.get())) {
        return true;
      }
    }
    return false;
  }

  /** Plans a key or {@code @requires} field set into the current fetch; returns its shape. */
  List<Projection.Field> add(
      SelectionSet fieldSet, TypeModel type, PlanningContext ctx, PlanningContext.Purpose purpose) {
    List<Projection.Field> projection = new ArrayList<>();
    PlanningContext requirementCtx = ctx.forRequirement(purpose);
    for (Selection<?> selection : fieldSet.getSelections()) {
      switch (selection) {
        case Field field -> {
          String actualKey = traversal.planField(field, type.name(), requirementCtx);
          projection.add(
              new Projection.Field(
                  field.getName(),
                  actualKey,
                  Optional.empty(),
                  Optional.ofNullable(field.getSelectionSet())
                      .map(s -> new Projection(Projections.of(s)))));
        }
        case InlineFragment fragment -> {
          if (traversal.applies(fragment, type.name())) {
            projection.addAll(add(fragment.getSelectionSet(), type, ctx, purpose));
          }
        }
        default -> {}
      }
    }
    return projection;
  }

  /**
   * The response key a field is asked under: the client's, unless the gateway asks it for itself
   * and the client uses that key for another field.
   */
  static String responseKeyFor(Field field, PlanningContext ctx) {
    String wanted = field.getResultKey();
    String clientField = ctx.reserved().get(wanted);
    if (ctx.purpose().internal() && clientField != null && !clientField.equals(signature(field))) {
      return InternalAliases.requirement(field.getName());
    }
    return wanted;
  }

  /** The response keys a client selection uses at one level, with the field each names. */
  static Map<String, String> responseKeys(SelectionSet set) {
    Map<String, String> keys = new HashMap<>();
    if (set != null) {
      for (Selection<?> selection : set.getSelections()) {
        if (selection instanceof Field field) {
          keys.putIfAbsent(field.getResultKey(), signature(field));
        } else if (selection instanceof InlineFragment fragment) {
          responseKeys(fragment.getSelectionSet()).forEach(keys::putIfAbsent);
        }
      }
    }
    return keys;
  }

  private static String signature(Field field) {
    return field.getName()
        + AstPrinter.printAstCompact(Field.newField("f").arguments(field.getArguments()).build());
  }

  /** Gives arguments of required fields an alias so they cannot clash with the client's. */
  static SelectionSet aliasArguments(SelectionSet set) {
    List<Selection> result = new ArrayList<>();
    for (Selection<?> selection : set.getSelections()) {
      switch (selection) {
        case Field field -> {
          SelectionSet children =
              field.getSelectionSet() == null ? null : aliasArguments(field.getSelectionSet());
          String alias =
              field.getArguments().isEmpty()
                  ? field.getAlias()
                  : InternalAliases.withArguments(
                      field.getName(), AstPrinter.printAstCompact(field));
          result.add(field.transform(b -> b.alias(alias).selectionSet(children)));
        }
        case InlineFragment fragment ->
            result.add(
                fragment.transform(
                    b -> b.selectionSet(aliasArguments(fragment.getSelectionSet()))));
        default -> result.add(selection);
      }
    }
    return SelectionSet.newSelectionSet(result).build();
  }
}
