package dev.podgraph.gateway.plan;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.Node;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Freezes a {@link FetchDraft} into a plan node with the GraphQL text the subgraph receives. */
final class FetchWriter {

  private final NormalizedOperation operation;

  FetchWriter(NormalizedOperation operation) {
    this.operation = operation;
  }

  PlanNode write(FetchDraft draft) {
    SelectionSet selection = draft.root.toAst();
    Map<String, List<String>> provides = new LinkedHashMap<>();
    collectProvided(selection, "", provides);
    Set<String> used = new LinkedHashSet<>();
    collectVariables(selection, used);
    List<VariableDefinition> definitions = new ArrayList<>();
    OperationDefinition.Operation kind = OperationDefinition.Operation.QUERY;
    if (draft.entity) {
      definitions.add(
          VariableDefinition.newVariableDefinition(
                  "representations",
                  NonNullType.newNonNullType(
                          ListType.newListType(
                                  NonNullType.newNonNullType(TypeName.newTypeName("_Any").build())
                                      .build())
                              .build())
                      .build())
              .build());
      selection =
          SelectionSet.newSelectionSet()
              .selection(
                  Field.newField("_entities")
                      .arguments(
                          List.of(
                              Argument.newArgument(
                                      "representations",
                                      VariableReference.newVariableReference()
                                          .name("representations")
                                          .build())
                                  .build()))
                      .selectionSet(selection)
                      .build())
              .build();
    } else {
      kind = operation.kind();
    }
    for (String name : used) {
      VariableDefinition definition = operation.variables().get(name);
      if (definition != null) {
        definitions.add(definition.transform(b -> b.directives(List.of())));
      }
    }
    definitions.addAll(ContextArguments.definitions(draft.contextRewrites));
    used.removeAll(ContextArguments.variables(draft.contextRewrites));
    OperationDefinition document =
        OperationDefinition.newOperationDefinition()
            .operation(kind)
            .variableDefinitions(definitions)
            .selectionSet(selection)
            .build();
    List<EntityRequirement> requires = new ArrayList<>();
    for (Map.Entry<String, String> entry : draft.representationTypes.entrySet()) {
      requires.add(
          new EntityRequirement(
              entry.getKey(),
              entry.getValue(),
              new Projection(draft.projections.getOrDefault(entry.getKey(), List.of()))));
    }
    PlanNode.Fetch fetch =
        new PlanNode.Fetch(
            draft.subgraph,
            AstPrinter.printAstCompact(document),
            List.copyOf(used),
            requires,
            provides,
            draft.contextRewrites);
    return draft.entity ? new PlanNode.Flatten(draft.path, fetch) : fetch;
  }

  private static void collectProvided(
      SelectionSet selection, String condition, Map<String, List<String>> out) {
    for (Selection<?> item : selection.getSelections()) {
      if (item instanceof Field field && !field.getName().equals("__typename")) {
        List<String> keys = out.computeIfAbsent(condition, c -> new ArrayList<>());
        String key = InternalAliases.original(field.getResultKey());
        if (!keys.contains(key)) {
          keys.add(key);
        }
      } else if (item instanceof InlineFragment fragment) {
        collectProvided(
            fragment.getSelectionSet(),
            fragment.getTypeCondition() == null ? condition : fragment.getTypeCondition().getName(),
            out);
      }
    }
  }

  private static void collectVariables(Node<?> node, Set<String> used) {
    if (node instanceof VariableReference reference) {
      used.add(reference.getName());
    }
    for (Node<?> child : node.getChildren()) {
      collectVariables(child, used);
    }
  }
}
