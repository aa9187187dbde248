package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.FieldModel;
import dev.podgraph.gateway.supergraph.TypeKind;
import dev.podgraph.gateway.supergraph.TypeModel;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks one operation's selections and decides, field by field, where each is answered: in the
 * fetch of the current position when its subgraph can select it ({@link ExternalFields}), through
 * an entity jump ({@link EntityJumps}) when another subgraph resolves it behind a key, or asked
 * again through an ancestor ({@link ValueTypeRefetch}) when it lives on a value type elsewhere.
 * Abstract types are planned per object type; {@code @interfaceObject} by {@link InterfaceObjects}.
 * Holds the per-operation state; never escapes {@link QueryPlanner#plan}.
 */
// graphql-java's AST API hands out raw lists (List<Selection>).
@SuppressWarnings("rawtypes")
final class Traversal {

  final SupergraphFacts facts;
  final FetchGraph graph;
  final NormalizedOperation operation;

  /** How many scratch traversals (plans made only to be compared) this one is nested in. */
  final int scratchLevel;

  final JumpChoice choice;
  final EntityJumps jumps = new EntityJumps(this);
  final Requirements requirements = new Requirements(this);
  final InterfaceObjects interfaceObjects = new InterfaceObjects(this);
  final ValueTypeRefetch refetch = new ValueTypeRefetch(this);
  final ContextArguments contexts = new ContextArguments(this);

  /** The fields being planned, innermost first: the way back up to an ancestor entity. */
  final Deque<ValueTypeRefetch.Frame> frames = new ArrayDeque<>();

  Traversal(SupergraphFacts facts, NormalizedOperation operation) {
    this(facts, operation, 0, new HashMap<>());
  }

  private Traversal(
      SupergraphFacts facts,
      NormalizedOperation operation,
      int scratchLevel,
      Map<JumpChoice.Option, PlanCost> jumpCosts) {
    this.facts = facts;
    this.operation = operation;
    this.graph = new FetchGraph(operation);
    this.scratchLevel = scratchLevel;
    this.choice = new JumpChoice(this, jumpCosts);
  }

  /** A traversal of the same operation whose plan is only measured; it shares the jump costs. */
  Traversal scratch() {
    return new Traversal(facts, operation, scratchLevel + 1, choice.costs());
  }

  TypeModel type(String name) {
    return facts.supergraph().type(name);
  }

  PlanningContext rootContext(FetchDraft fetch) {
    return PlanningContext.root(
        fetch,
        Requirements.responseKeys(operation.selection()),
        facts.supergraph().subgraphs().keySet());
  }

  boolean selectable(String subgraph, TypeModel type, FieldModel model, PlanningContext ctx) {
    return ExternalFields.selectable(facts, subgraph, type, model, ctx);
  }

  /** Plans one field selected on a concrete type; returns the response key it landed under. */
  String planField(Field field, String typeName, PlanningContext ctx) {
    if (field.getName().equals("__typename")) {
      // The shaper answers __typename from the runtime type: the subgraph is only asked once.
      graph.touch(ctx.fetch());
      ctx.node().ensureTypename();
      return "__typename";
    }
    TypeModel type = type(typeName);
    FieldModel model =
        type.field(field.getName())
            .orElseThrow(
                () ->
                    new PlanningException(
                        "Cannot query field \"" + field.getName() + "\" on type " + typeName));
    if (selectable(ctx.subgraph(), type, model, ctx)) {
      if (!ctx.entityLevel()
          && (requirements.needOwnRepresentation(type, model, ctx)
              || ContextArguments.needOwnFetch(model, ctx.subgraph()))) {
        return jumps.jump(field, type, model, ctx, s -> s.equals(ctx.subgraph()));
      }
      return addLocal(contexts.bind(field, model, ctx), model, ctx, typeName);
    }
    if (!facts.reachableByKey(type, model, ctx.subgraph())
        && refetch.throughAncestor(field, typeName)) {
      return field.getResultKey();
    }
    return jumps.jump(field, type, model, ctx, s -> !s.equals(ctx.subgraph()));
  }

  private String addLocal(Field field, FieldModel model, PlanningContext ctx, String parentType) {
    Optional<TypeModel> returned = facts.supergraph().findType(model.typeName());
    boolean composite = returned.map(t -> t.kind().isComposite()).orElse(false);
    graph.touch(ctx.fetch());
    String wanted = Requirements.responseKeyFor(field, ctx);
    SelectionDraft.FieldDraft draft =
        ctx.node().field(wanted, field.getName(), field.getArguments(), composite);
    draft.signature = model.typeIn(ctx.subgraph());
    if (composite) {
      List<PathElement> path = new ArrayList<>(ctx.path());
      path.add(PathElement.key(draft.responseKey));
      for (int i = 0; i < model.listDepth(); i++) {
        path.add(PathElement.EACH_ITEM);
      }
      PlanningContext child =
          ctx.below(
              draft.children,
              path,
              Provides.below(ctx.provided(), model, ctx.subgraph()),
              ctx.purpose().internal()
                  ? Map.of()
                  : Requirements.responseKeys(field.getSelectionSet()),
              facts.candidatesBelow(ctx.candidates(), type(parentType), model));
      frames.push(new ValueTypeRefetch.Frame(field, parentType, ctx));
      try {
        planChildren(
            field.getSelectionSet(),
            returned.get(),
            child,
            model.typeIn(ctx.subgraph()).replaceAll("[\\[\\]!\\s]", ""));
      } finally {
        frames.pop();
      }
    }
    return draft.responseKey;
  }

  void planChildren(SelectionSet selectionSet, TypeModel type, PlanningContext ctx) {
    planChildren(selectionSet, type, ctx, type.name());
  }

  /**
   * Plans the selections of an abstract or object type; {@code subgraphType} is the named type the
   * subgraph declares for the field (it may be narrower than the supergraph's, e.g. an object where
   * the supergraph has a union), so fragments the subgraph could not accept are left out.
   */
  private void planChildren(
      SelectionSet selectionSet, TypeModel type, PlanningContext ctx, String subgraphType) {
    List<Selection> selections =
        selectionSet == null ? List.of() : List.copyOf(selectionSet.getSelections());
    if (type.kind() == TypeKind.OBJECT) {
      for (Field field : collectFields(selections, type.name())) {
        planField(field, type.name(), ctx);
      }
      return;
    }
    if (type.isInterfaceObjectIn(ctx.subgraph())) {
      interfaceObjects.plan(selections, type, ctx);
      return;
    }
    ctx.node().field("__typename", "__typename", List.of(), false);
    List<String> possible = facts.possibleTypesIn(type.name(), ctx.subgraph());
    if (!subgraphType.equals(type.name())) {
      Optional<TypeModel> narrower = facts.supergraph().findType(subgraphType);
      if (narrower.isPresent()) {
        List<String> allowed =
            narrower.get().kind() == TypeKind.OBJECT
                ? List.of(subgraphType)
                : facts.possibleTypesIn(subgraphType, ctx.subgraph());
        possible = possible.stream().filter(allowed::contains).toList();
      }
    }
    possible = commonToCandidates(possible, type, ctx);
    if (possible.isEmpty() && type.kind() == TypeKind.INTERFACE) {
      requireReachableWithoutImplementations(selections, type, ctx.subgraph());
    }
    for (String objectType : possible) {
      PlanningContext fragment = ctx.withNode(ctx.node().typedFragment(objectType));
      for (Field field : collectFields(selections, objectType)) {
        planField(field, objectType, fragment);
      }
    }
  }

  /**
   * The object types of an abstract type that every other candidate subgraph can return too: a
   * shareable field's members are kept per the subgraphs that could answer the path.
   */
  private List<String> commonToCandidates(
      List<String> possible, TypeModel type, PlanningContext ctx) {
    List<String> common = possible;
    for (String other : ctx.candidates()) {
      if (other.equals(ctx.subgraph()) || !type.isIn(other) || type.isInterfaceObjectIn(other)) {
        continue;
      }
      List<String> there = facts.possibleTypesIn(type.name(), other);
      common = common.stream().filter(there::contains).toList();
    }
    return common;
  }

  /**
   * The subgraph returns an interface it knows no implementation of: a field of the interface it
   * does not resolve itself can only come from a subgraph that can be entered on the interface by a
   * resolvable key; when there is none the operation cannot be planned (it must not be dropped
   * silently).
   */
  private void requireReachableWithoutImplementations(
      List<Selection> selections, TypeModel type, String subgraph) {
    for (Field field : collectFields(selections, type.name())) {
      Optional<FieldModel> model = type.field(field.getName());
      if (field.getName().startsWith("__")
          || model.isEmpty()
          || facts.resolves(subgraph, type, model.get())) {
        continue;
      }
      if (!facts.resolvedBehindAKey(type, model.get())) {
        throw new PlanningException(
            "Cannot plan field "
                + type.name()
                + "."
                + field.getName()
                + ": subgraph "
                + subgraph
                + " knows no implementation of "
                + type.name()
                + " and no subgraph that resolves the field can be entered by a resolvable key");
      }
    }
  }

  List<Field> collectFields(List<? extends Selection> selections, String objectType) {
    List<Field> fields = new ArrayList<>();
    for (Selection<?> selection : selections) {
      if (selection instanceof Field field) {
        fields.add(field);
      } else if (selection instanceof InlineFragment fragment && applies(fragment, objectType)) {
        fields.addAll(collectFields(fragment.getSelectionSet().getSelections(), objectType));
      }
    }
    return fields;
  }

  boolean applies(InlineFragment fragment, String objectType) {
    return fragment.getTypeCondition() == null
        || facts.applies(fragment.getTypeCondition().getName(), objectType);
  }
}
