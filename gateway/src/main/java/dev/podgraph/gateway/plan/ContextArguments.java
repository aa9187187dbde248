package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.ContextArgument;
import dev.podgraph.gateway.supergraph.FieldInSubgraph;
import dev.podgraph.gateway.supergraph.FieldModel;
import dev.podgraph.gateway.supergraph.TypeModel;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Contextual arguments (Federation 2.8 {@code @fromContext}): a field whose subgraph reads an
 * argument from an ancestor is always asked through an {@code _entities} fetch of its parent (as
 * Apollo's planner does, even in the subgraph the current fetch talks to). There the argument is
 * passed as a variable; the context's selection is planned into the fetch that holds the nearest
 * ancestor on the response path whose type sets the context, like a {@code @requires}; and the
 * fetch carries a {@link ContextRewrite} saying where the executor reads each object's value.
 */
final class ContextArguments {

  private final Traversal traversal;

  /** Fields bound so far in this operation: numbers the variables as Apollo's do. */
  private int bound;

  ContextArguments(Traversal traversal) {
    this.traversal = traversal;
  }

  static List<ContextArgument> of(FieldModel model, String subgraph) {
    FieldInSubgraph in = model.perSubgraph().get(subgraph);
    return in == null ? List.of() : in.contextArguments();
  }

  /** True when the field reads arguments from a context in this subgraph. */
  static boolean needOwnFetch(FieldModel model, String subgraph) {
    return !of(model, subgraph).isEmpty();
  }

  /**
   * The field as the entity fetch of {@code ctx} selects it: each contextual argument passed as a
   * variable that the fetch's rewrites fill. Plans the contexts' selections on the ancestors.
   */
  Field bind(Field field, FieldModel model, PlanningContext ctx) {
    List<ContextArgument> contextual = of(model, ctx.subgraph());
    if (contextual.isEmpty()) {
      return field;
    }
    if (!ctx.entityLevel()) {
      throw new PlanningException(
          "Cannot plan field " + model.name() + ": its contextual arguments need an entity fetch");
    }
    bound++;
    List<Argument> arguments = new ArrayList<>(field.getArguments());
    for (int i = 0; i < contextual.size(); i++) {
      ContextArgument argument = contextual.get(i);
      String variable = "contextualArgument_" + bound + "_" + i;
      ctx.fetch().contextRewrites.add(rewrite(argument, variable, model, ctx));
      arguments.add(
          Argument.newArgument(
                  argument.name(), VariableReference.newVariableReference().name(variable).build())
              .build());
    }
    return field.transform(b -> b.arguments(arguments));
  }

  /**
   * Finds the nearest ancestor that sets the context, plans the context's selection into the fetch
   * that holds it, and makes the entity fetch wait for every fetch that selection was written to.
   */
  private ContextRewrite rewrite(
      ContextArgument argument, String variable, FieldModel model, PlanningContext ctx) {
    int levelsUp = 0;
    // A copy: planning the selection below pushes and pops frames of its own.
    for (ValueTypeRefetch.Frame frame : List.copyOf(traversal.frames)) {
      levelsUp++;
      TypeModel ancestor = traversal.type(frame.parentType());
      if (!sets(ancestor, argument.context())) {
        continue;
      }
      PlanningContext at = frame.ctx();
      FetchGraph.Collected<List<Projection.Field>> selection =
          traversal.graph.collecting(
              () -> {
                traversal.graph.touch(at.fetch());
                at.node().ensureTypename();
                return traversal.requirements.add(
                    Requirements.aliasArguments(argument.selection()),
                    ancestor,
                    at,
                    PlanningContext.Purpose.REQUIREMENT);
              });
      for (FetchDraft touched : selection.touched()) {
        if (touched != ctx.fetch()) {
          ctx.fetch().dependsOn.add(touched);
        }
      }
      if (selection.value().size() != 1) {
        throw new PlanningException(
            "Cannot plan field "
                + model.name()
                + ": the context selection of argument "
                + argument.name()
                + " must select one field");
      }
      return new ContextRewrite(
          levelsUp, ancestor.name(), selection.value().getFirst(), variable, argument.type());
    }
    throw new PlanningException(
        "Cannot plan field "
            + model.name()
            + ": no ancestor on its path sets context "
            + argument.context()
            + " for argument "
            + argument.name());
  }

  private boolean sets(TypeModel type, String context) {
    return type.contexts().contains(context)
        || type.interfaces().stream().anyMatch(i -> traversal.type(i).contexts().contains(context));
  }

  /** The variable definitions a fetch declares for its rewrites. */
  static List<VariableDefinition> definitions(Collection<ContextRewrite> rewrites) {
    List<VariableDefinition> definitions = new ArrayList<>();
    for (ContextRewrite rewrite : rewrites) {
      OperationDefinition parsed =
          Parser.parse("query($v: " + rewrite.type() + ") { __typename }")
              .getDefinitionsOfType(OperationDefinition.class)
              .getFirst();
      definitions.add(
          VariableDefinition.newVariableDefinition(
                  rewrite.variable(), parsed.getVariableDefinitions().getFirst().getType())
              .build());
    }
    return definitions;
  }

  static Set<String> variables(Collection<ContextRewrite> rewrites) {
    return rewrites.stream().map(ContextRewrite::variable).collect(Collectors.toSet());
  }
}
