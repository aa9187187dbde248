package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.FieldInSubgraph;
import dev.podgraph.gateway.supergraph.FieldModel;
import dev.podgraph.gateway.supergraph.Key;
import dev.podgraph.gateway.supergraph.Supergraph;
import dev.podgraph.gateway.supergraph.TypeInSubgraph;
import dev.podgraph.gateway.supergraph.TypeKind;
import dev.podgraph.gateway.supergraph.TypeModel;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a normalized operation into a {@link QueryPlan}. Pure: reads the supergraph, does no I/O.
 *
 * <p>Every selection is planned against a concrete object type: a field of an abstract type is
 * asked of its subgraph with one inline fragment per object type that subgraph can return, so each
 * field's owner is decided per type. A field the current subgraph cannot resolve becomes an entity
 * jump: the key (and any {@code @requires}) is added to the current fetch and the field is asked of
 * its owner in an {@code _entities} fetch at the same path, one fetch per subgraph, path and parent
 * fetch.
 */
// graphql-java's AST API hands out raw lists (List<Selection>, List<Type>, List<Value>).
@SuppressWarnings("rawtypes")
public final class QueryPlanner {

  private static final int MAX_JUMP_DEPTH = 16;

  private final Supergraph supergraph;

  public QueryPlanner(Supergraph supergraph) {
    this.supergraph = supergraph;
  }

  public QueryPlan plan(NormalizedOperation operation) {
    String rootType =
        switch (operation.kind()) {
          case QUERY -> supergraph.queryType();
          case MUTATION ->
              supergraph
                  .mutationType()
                  .orElseThrow(() -> new PlanningException("The schema has no mutations."));
          case SUBSCRIPTION ->
              throw new PlanningException("Subscriptions are not supported by this gateway.");
        };
    Run run = new Run(operation);
    Optional<PlanNode> root =
        operation.kind() == OperationDefinition.Operation.MUTATION
            ? run.planMutation(rootType)
            : run.planQuery(rootType);
    return new QueryPlan(
        operation.kind(),
        rootType,
        operation.selection(),
        root,
        List.copyOf(operation.variables().values()));
  }

  /** A field being planned, its parent type and the context it was planned in. */
  private record Frame(Field field, String parentType, Ctx ctx) {}

  private record Ctx(
      FetchDraft fetch,
      SelectionDraft node,
      String subgraph,
      List<String> path,
      List<Selection> provided,
      boolean keyMode,
      int depth,
      boolean entityLevel,
      Map<String, String> reserved,
      boolean internal,
      Set<String> candidates) {

    Ctx withNode(SelectionDraft other) {
      return new Ctx(
          fetch,
          other,
          subgraph,
          path,
          provided,
          keyMode,
          depth,
          entityLevel,
          reserved,
          internal,
          candidates);
    }

    /** For key and required fields, which must not take a response key the client uses. */
    Ctx forRequirement(boolean mode) {
      return new Ctx(
          fetch,
          node,
          subgraph,
          path,
          provided,
          mode,
          depth,
          entityLevel,
          reserved,
          true,
          candidates);
    }
  }

  /** The mutable state of planning one operation; never escapes {@link #plan}. */
  private final class Run {
    private final NormalizedOperation operation;
    private final List<FetchDraft> fetches = new ArrayList<>();
    private final Map<String, List<FetchDraft>> entityFetches = new HashMap<>();
    private final Deque<Set<FetchDraft>> collectors = new ArrayDeque<>();
    private final Set<String> jumpsInProgress = new java.util.HashSet<>();

    /** The fields being planned, innermost first: the way back up to an ancestor entity. */
    private final Deque<Frame> frames = new ArrayDeque<>();

    Run(NormalizedOperation operation) {
      this.operation = operation;
    }

    Optional<PlanNode> planQuery(String rootType) {
      Map<String, FetchDraft> bySubgraph = new LinkedHashMap<>();
      for (Field field : collectFields(operation.selection().getSelections(), rootType)) {
        if (field.getName().startsWith("__")) {
          continue; // __typename and introspection are answered by the gateway
        }
        planSharedRootField(field, rootType, bySubgraph);
      }
      return toNode(fetches);
    }

    /**
     * Plans a query root field, asking it of several subgraphs when it returns a value type (no
     * key) whose fields no single subgraph resolves: each is asked for the part it can answer and
     * the answers merge under the same response key.
     */
    private void planSharedRootField(
        Field field, String rootType, Map<String, FetchDraft> bySubgraph) {
      List<String> candidates = rootCandidates(rootType, field, bySubgraph.keySet());
      Optional<TypeModel> returned =
          supergraph
              .type(rootType)
              .field(field.getName())
              .flatMap(f -> supergraph.findType(f.typeName()));
      List<Field> remaining =
          returned.isPresent()
                  && returned.get().kind() == TypeKind.OBJECT
                  && field.getSelectionSet() != null
              ? collectFields(field.getSelectionSet().getSelections(), returned.get().name())
              : List.of();
      if (candidates.size() == 1 || remaining.isEmpty()) {
        planRootIn(field, rootType, candidates.getFirst(), bySubgraph);
        return;
      }
      for (String subgraph : candidates) {
        List<Field> answerable =
            remaining.stream().filter(f -> !stuck(f, returned.get(), subgraph, 0)).toList();
        if (answerable.isEmpty()) {
          continue;
        }
        planRootIn(withSelections(field, answerable), rootType, subgraph, bySubgraph);
        remaining = remaining.stream().filter(f -> !answerable.contains(f)).toList();
        if (remaining.isEmpty()) {
          return;
        }
      }
      planRootIn(withSelections(field, remaining), rootType, candidates.getFirst(), bySubgraph);
    }

    private Field withSelections(Field field, List<Field> selections) {
      return field.transform(
          b -> b.selectionSet(SelectionSet.newSelectionSet(List.copyOf(selections)).build()));
    }

    private void planRootIn(
        Field field, String rootType, String subgraph, Map<String, FetchDraft> bySubgraph) {
      FetchDraft fetch = bySubgraph.computeIfAbsent(subgraph, s -> newFetch(s, List.of(), false));
      planField(field, rootType, rootCtx(fetch));
    }

    /**
     * True when the subgraph cannot answer the field, not even through an entity jump: the field
     * lives elsewhere on a type without a key.
     */
    private boolean stuck(Field field, TypeModel type, String subgraph, int depth) {
      if (field.getName().startsWith("__") || depth > 8) {
        return false;
      }
      Optional<FieldModel> model = type.field(field.getName());
      if (model.isEmpty()) {
        return false;
      }
      if (!canResolve(subgraph, type, model.get(), null)) {
        return type.subgraphs().entrySet().stream()
            .noneMatch(
                e ->
                    e.getValue().keys().stream().anyMatch(Key::resolvable)
                        && canResolve(e.getKey(), type, model.get(), null));
      }
      Optional<TypeModel> child = supergraph.findType(model.get().typeName());
      if (child.isEmpty()
          || child.get().kind() != TypeKind.OBJECT
          || field.getSelectionSet() == null) {
        return false;
      }
      return collectFields(field.getSelectionSet().getSelections(), child.get().name()).stream()
          .anyMatch(f -> stuck(f, child.get(), subgraph, depth + 1));
    }

    Optional<PlanNode> planMutation(String rootType) {
      List<PlanNode> steps = new ArrayList<>();
      for (Field field : collectFields(operation.selection().getSelections(), rootType)) {
        if (field.getName().startsWith("__")) {
          continue;
        }
        int first = fetches.size();
        String subgraph = chooseRootSubgraph(rootType, field, Set.of());
        FetchDraft fetch = newFetch(subgraph, List.of(), false);
        planField(field, rootType, rootCtx(fetch));
        toNode(fetches.subList(first, fetches.size())).ifPresent(steps::add);
      }
      return steps.isEmpty()
          ? Optional.empty()
          : Optional.of(steps.size() == 1 ? steps.getFirst() : new PlanNode.Sequence(steps));
    }

    private Ctx rootCtx(FetchDraft fetch) {
      return new Ctx(
          fetch,
          fetch.root,
          fetch.subgraph,
          List.of(),
          List.of(),
          false,
          0,
          false,
          responseKeys(operation.selection()),
          false,
          supergraph.subgraphs().keySet());
    }

    private FetchDraft newFetch(String subgraph, List<String> path, boolean entity) {
      FetchDraft fetch = new FetchDraft(fetches.size(), subgraph, path, entity);
      fetches.add(fetch);
      return fetch;
    }

    private void touch(FetchDraft fetch) {
      collectors.forEach(c -> c.add(fetch));
    }

    /** Plans one field selected on a concrete type; returns the response key it landed under. */
    String planField(Field field, String typeName, Ctx ctx) {
      String responseKey = field.getResultKey();
      if (field.getName().equals("__typename")) {
        // The shaper answers __typename from the runtime type: the subgraph is only asked once.
        touch(ctx.fetch());
        ctx.node().ensureTypename();
        return "__typename";
      }
      TypeModel type = supergraph.type(typeName);
      FieldModel model =
          type.field(field.getName())
              .orElseThrow(
                  () ->
                      new PlanningException(
                          "Cannot query field \"" + field.getName() + "\" on type " + typeName));
      if (canResolve(ctx.subgraph(), type, model, ctx)) {
        if (!ctx.entityLevel() && needsOwnRepresentation(type, model, ctx)) {
          return jump(field, type, model, ctx, s -> s.equals(ctx.subgraph()));
        }
        return addLocal(field, model, ctx, typeName);
      }
      if (!reachableByKey(type, model, ctx.subgraph()) && refetchThroughAncestor(field, typeName)) {
        return field.getResultKey();
      }
      return jump(field, type, model, ctx, s -> !s.equals(ctx.subgraph()));
    }

    private String addLocal(Field field, FieldModel model, Ctx ctx, String parentType) {
      Optional<TypeModel> returned = supergraph.findType(model.typeName());
      boolean composite = returned.map(t -> t.kind().isComposite()).orElse(false);
      touch(ctx.fetch());
      String wanted = field.getResultKey();
      String clientField = ctx.reserved().get(wanted);
      if (ctx.internal() && clientField != null && !clientField.equals(signature(field))) {
        wanted = "_pg_" + field.getName(); // the client uses this key for something else
      }
      SelectionDraft.FieldDraft draft =
          ctx.node().field(wanted, field.getName(), field.getArguments(), composite);
      draft.signature = model.typeIn(ctx.subgraph());
      if (composite) {
        List<String> path = new ArrayList<>(ctx.path());
        path.add(draft.responseKey);
        for (int i = 0; i < model.listDepth(); i++) {
          path.add("@");
        }
        List<Selection> provided = childProvided(ctx, model, field.getName());
        Ctx child =
            new Ctx(
                ctx.fetch(),
                draft.children,
                ctx.subgraph(),
                List.copyOf(path),
                provided,
                ctx.keyMode(),
                ctx.depth(),
                false,
                ctx.internal() ? Map.of() : responseKeys(field.getSelectionSet()),
                ctx.internal(),
                candidatesBelow(ctx.candidates(), supergraph.type(parentType), model));
        frames.push(new Frame(field, parentType, ctx));
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

    private void planChildren(SelectionSet selectionSet, TypeModel type, Ctx ctx) {
      planChildren(selectionSet, type, ctx, type.name());
    }

    /**
     * Plans the selections of an abstract or object type; {@code subgraphType} is the named type
     * the subgraph declares for the field (it may be narrower than the supergraph's, e.g. an object
     * where the supergraph has a union), so fragments the subgraph could not accept are left out.
     */
    private void planChildren(
        SelectionSet selectionSet, TypeModel type, Ctx ctx, String subgraphType) {
      List<Selection> selections =
          selectionSet == null ? List.of() : List.copyOf(selectionSet.getSelections());
      if (type.kind() == TypeKind.OBJECT) {
        for (Field field : collectFields(selections, type.name())) {
          planField(field, type.name(), ctx);
        }
        return;
      }
      if (type.isInterfaceObjectIn(ctx.subgraph())) {
        planInterfaceObject(selections, type, ctx);
        return;
      }
      ctx.node().field("__typename", "__typename", List.of(), false);
      List<String> possible = supergraph.possibleTypesIn(type.name(), ctx.subgraph());
      if (!subgraphType.equals(type.name())) {
        Optional<TypeModel> narrower = supergraph.findType(subgraphType);
        if (narrower.isPresent()) {
          List<String> allowed =
              narrower.get().kind() == TypeKind.OBJECT
                  ? List.of(subgraphType)
                  : supergraph.possibleTypesIn(subgraphType, ctx.subgraph());
          possible = possible.stream().filter(allowed::contains).toList();
        }
      }
      possible = commonToCandidates(possible, type, ctx);
      if (possible.isEmpty() && type.kind() == TypeKind.INTERFACE) {
        requireReachableWithoutImplementations(selections, type, ctx.subgraph());
      }
      for (String objectType : possible) {
        Ctx fragment = ctx.withNode(ctx.node().typedFragment(objectType));
        for (Field field : collectFields(selections, objectType)) {
          planField(field, objectType, fragment);
        }
      }
    }

    /**
     * The subgraphs that could still answer a field below the current path: those of the parent's
     * candidates that resolve the field, and, on an entity, every subgraph that resolves it and can
     * be entered by a resolvable key. While a shareable field has several, only the object types
     * all of them can return are guaranteed (as Apollo's planner keeps them).
     */
    private Set<String> candidatesBelow(Set<String> parent, TypeModel type, FieldModel model) {
      Set<String> result = new LinkedHashSet<>();
      for (String subgraph : supergraph.subgraphs().keySet()) {
        if (!canResolve(subgraph, type, model, null)) {
          continue;
        }
        if (parent.contains(subgraph) || type.keys(subgraph).stream().anyMatch(Key::resolvable)) {
          result.add(subgraph);
        }
      }
      return Set.copyOf(result);
    }

    /** The object types of an abstract type that every other candidate subgraph can return too. */
    private List<String> commonToCandidates(List<String> possible, TypeModel type, Ctx ctx) {
      List<String> common = possible;
      for (String other : ctx.candidates()) {
        if (other.equals(ctx.subgraph()) || !type.isIn(other) || type.isInterfaceObjectIn(other)) {
          continue;
        }
        List<String> there = supergraph.possibleTypesIn(type.name(), other);
        common = common.stream().filter(there::contains).toList();
      }
      return common;
    }

    /**
     * The subgraph returns an interface it knows no implementation of: a field of the interface it
     * does not resolve itself can only come from a subgraph that can be entered on the interface by
     * a resolvable key; when there is none the operation cannot be planned (it must not be dropped
     * silently).
     */
    private void requireReachableWithoutImplementations(
        List<Selection> selections, TypeModel type, String subgraph) {
      for (Field field : collectFields(selections, type.name())) {
        Optional<FieldModel> model = type.field(field.getName());
        if (field.getName().startsWith("__")
            || model.isEmpty()
            || canResolve(subgraph, type, model.get(), null)) {
          continue;
        }
        boolean reachable =
            type.subgraphs().entrySet().stream()
                .anyMatch(
                    e ->
                        e.getValue().keys().stream().anyMatch(Key::resolvable)
                            && canResolve(e.getKey(), type, model.get(), null));
        if (!reachable) {
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

    /**
     * The subgraph knows the interface only as an object type ({@code @interfaceObject}): its own
     * fields are asked here, while {@code __typename} and fragments on implementations need a
     * subgraph that knows the real types.
     */
    private void planInterfaceObject(List<Selection> selections, TypeModel type, Ctx ctx) {
      // The shaper needs a type for every abstract value, even if it is only the interface's.
      ctx.node().ensureTypename();
      List<Selection> needsRealType = new ArrayList<>();
      for (Selection<?> selection : selections) {
        if (selection instanceof Field field && !field.getName().equals("__typename")) {
          planField(field, type.name(), ctx);
        } else if (selection instanceof InlineFragment fragment
            && (fragment.getTypeCondition() == null
                || fragment.getTypeCondition().getName().equals(type.name()))) {
          planInterfaceObject(fragment.getSelectionSet().getSelections(), type, ctx);
        } else {
          needsRealType.add(selection);
        }
      }
      if (needsRealType.isEmpty()) {
        return;
      }
      for (String subgraph : supergraph.subgraphs().keySet()) {
        if (!type.isIn(subgraph) || type.isInterfaceObjectIn(subgraph)) {
          continue;
        }
        Optional<Key> key =
            type.keys(subgraph).stream()
                .filter(Key::resolvable)
                .filter(k -> keyAvailable(k.fields(), type, ctx.subgraph()))
                .findFirst();
        if (key.isEmpty()) {
          continue;
        }
        Set<FetchDraft> touched = new LinkedHashSet<>();
        collectors.push(touched);
        List<Projection.Field> projection;
        try {
          ctx.node().ensureTypename();
          projection = addRequirement(key.get().fields(), type, ctx, true);
        } finally {
          collectors.pop();
        }
        FetchDraft target =
            entityFetch(ctx, subgraph, touched, type.name(), type.name(), projection);
        SelectionDraft node = target.root.fragment(type.name());
        Ctx targetCtx =
            new Ctx(
                target,
                node,
                subgraph,
                ctx.path(),
                List.of(),
                false,
                ctx.depth() + 1,
                true,
                ctx.reserved(),
                false,
                Set.of(subgraph));
        planChildren(SelectionSet.newSelectionSet(needsRealType).build(), type, targetCtx);
        return;
      }
      throw new PlanningException(
          "No subgraph can tell the implementation of interface " + type.name());
    }

    /**
     * A field with {@code @requires} reads the required fields from its representation: unless the
     * subgraph resolves them all itself, it must be asked through {@code _entities}, even of the
     * subgraph the current fetch already talks to.
     */
    private boolean needsOwnRepresentation(TypeModel type, FieldModel model, Ctx ctx) {
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
            || !canResolve(ctx.subgraph(), type, requiredModel.get(), null)) {
          return true;
        }
      }
      return false;
    }

    /**
     * True when another subgraph that resolves the field can be entered on the type by a resolvable
     * key whose fields the current subgraph gives; otherwise (the type is a value type there, even
     * if other subgraphs key it) the field has to be asked again through an ancestor.
     */
    private boolean reachableByKey(TypeModel type, FieldModel model, String from) {
      return type.subgraphs().entrySet().stream()
          .anyMatch(
              e ->
                  !e.getKey().equals(from)
                      && canResolve(e.getKey(), type, model, null)
                      && e.getValue().keys().stream()
                          .anyMatch(k -> k.resolvable() && keyAvailable(k.fields(), type, from)));
    }

    private boolean hasResolvableKey(TypeModel type) {
      return type.subgraphs().values().stream()
          .anyMatch(t -> t.keys().stream().anyMatch(Key::resolvable));
    }

    /**
     * A field of a value type (no key) that the current subgraph lacks: ask the path to it again,
     * from the nearest ancestor that can be re-entered (an entity, or the query root), of a
     * subgraph that resolves the whole path. Returns false when there is none.
     */
    private boolean refetchThroughAncestor(Field missing, String missingType) {
      Field chain = missing;
      String chainType = missingType;
      for (Frame frame : List.copyOf(frames)) {
        TypeModel parent = supergraph.type(frame.parentType());
        FieldModel model = parent.field(frame.field().getName()).orElseThrow();
        Selection<?> inner =
            model.typeName().equals(chainType)
                ? chain
                : InlineFragment.newInlineFragment()
                    .typeCondition(graphql.language.TypeName.newTypeName(chainType).build())
                    .selectionSet(SelectionSet.newSelectionSet(List.of(chain)).build())
                    .build();
        Field wrapped =
            frame
                .field()
                .transform(
                    b -> b.selectionSet(SelectionSet.newSelectionSet(List.of(inner)).build()));
        chain = wrapped;
        chainType = frame.parentType();
        String from = frame.ctx().subgraph();
        boolean root = frame.parentType().equals(supergraph.queryType());
        if (!root && !hasResolvableKey(parent)) {
          continue;
        }
        for (String subgraph : supergraph.subgraphs().keySet()) {
          if (subgraph.equals(from)
              || !canResolve(subgraph, parent, model, null)
              || stuck(wrapped, parent, subgraph, 0)) {
            continue;
          }
          if (root) {
            FetchDraft fetch = newFetch(subgraph, List.of(), false);
            planField(wrapped, frame.parentType(), rootCtx(fetch));
          } else {
            String target = subgraph;
            jump(wrapped, parent, model, frame.ctx(), s -> s.equals(target));
          }
          return true;
        }
        return false;
      }
      return false;
    }

    private String jump(
        Field field,
        TypeModel type,
        FieldModel model,
        Ctx ctx,
        java.util.function.Predicate<String> allowed) {
      if (ctx.depth() > MAX_JUMP_DEPTH) {
        throw new PlanningException(
            "Cannot plan field " + type.name() + "." + model.name() + ": too many entity jumps");
      }
      // A key field whose jump needs that same key field again from the same subgraph at the
      // same path is a cycle: no subgraph can give it.
      String step =
          ctx.subgraph()
              + "|"
              + String.join(".", ctx.path())
              + "|"
              + type.name()
              + "|"
              + model.name();
      if (!jumpsInProgress.add(step)) {
        throw new PlanningException(
            "Cannot plan field "
                + type.name()
                + "."
                + model.name()
                + ": no subgraph that resolves it can be reached by a key from subgraph "
                + ctx.subgraph());
      }
      try {
        return jumpOnce(field, type, model, ctx, allowed);
      } finally {
        jumpsInProgress.remove(step);
      }
    }

    private String jumpOnce(
        Field field,
        TypeModel type,
        FieldModel model,
        Ctx ctx,
        java.util.function.Predicate<String> allowed) {
      Target target = chooseTarget(type, model, ctx, allowed);
      Set<FetchDraft> touched = new LinkedHashSet<>();
      collectors.push(touched);
      List<Projection.Field> projection = new ArrayList<>();
      try {
        touch(ctx.fetch());
        ctx.node().ensureTypename();
        projection.addAll(addRequirement(target.key().fields(), type, ctx, true));
        // Through an interface object, the requirement is declared on the interface's field.
        FieldModel carrierField =
            target.representationType().equals(type.name())
                ? model
                : supergraph.type(target.representationType()).field(model.name()).orElse(model);
        FieldInSubgraph owner = carrierField.perSubgraph().get(target.subgraph());
        if (owner != null && owner.requires().isPresent()) {
          projection.addAll(
              addRequirement(aliasArguments(owner.requires().get()), type, ctx, false));
        }
      } finally {
        collectors.pop();
      }
      FetchDraft fetch =
          entityFetch(
              ctx,
              target.subgraph(),
              touched,
              type.name(),
              target.representationType(),
              projection);
      SelectionDraft node = fetch.root.typedFragment(target.representationType());
      Ctx targetCtx =
          new Ctx(
              fetch,
              node,
              target.subgraph(),
              ctx.path(),
              List.of(),
              false,
              ctx.depth() + 1,
              true,
              ctx.reserved(),
              ctx.internal(),
              Set.of(target.subgraph()));
      String typeInTarget =
          target.representationType().equals(type.name())
              ? type.name()
              : target.representationType();
      return planField(field, typeInTarget, targetCtx);
    }

    private FetchDraft entityFetch(
        Ctx ctx,
        String subgraph,
        Set<FetchDraft> touched,
        String runtimeType,
        String representationType,
        List<Projection.Field> projection) {
      String index = ctx.fetch().id + "|" + String.join(".", ctx.path()) + "|" + subgraph;
      List<FetchDraft> existing = entityFetches.computeIfAbsent(index, i -> new ArrayList<>());
      FetchDraft fetch =
          existing.stream()
              .filter(e -> reusable(e, touched, runtimeType, representationType, projection))
              .findFirst()
              .orElse(null);
      if (fetch == null) {
        fetch = newFetch(subgraph, ctx.path(), true);
        existing.add(fetch);
      }
      touch(fetch);
      fetch.dependsOn.add(ctx.fetch());
      for (FetchDraft t : touched) {
        if (t != fetch) {
          fetch.dependsOn.add(t);
        }
      }
      fetch.representationTypes.put(runtimeType, representationType);
      fetch.projections.merge(runtimeType, projection, Projections::merge);
      return fetch;
    }

    /**
     * An entity fetch already planned at the same path can take another field when it does not
     * depend on what the field's requirements add, sends the same representation type, and its
     * representations need no field under the same name with another value (two {@code @requires}
     * of one field with different arguments need a representation, so a fetch, each).
     */
    private boolean reusable(
        FetchDraft existing,
        Set<FetchDraft> touched,
        String runtimeType,
        String representationType,
        List<Projection.Field> projection) {
      return !touched.contains(existing)
          && touched.stream().noneMatch(t -> t.dependsOnTransitively(existing))
          && representationType.equals(
              existing.representationTypes.getOrDefault(runtimeType, representationType))
          && Projections.compatible(
              existing.projections.getOrDefault(runtimeType, List.of()), projection);
    }

    private record Target(String subgraph, Key key, String representationType) {}

    private Target chooseTarget(
        TypeModel type, FieldModel model, Ctx ctx, java.util.function.Predicate<String> allowed) {
      List<Target> direct = new ArrayList<>();
      List<Target> indirect = new ArrayList<>();
      for (String subgraph : supergraph.subgraphs().keySet()) {
        if (!allowed.test(subgraph) && !model.onlyThroughInterfaceObject()) {
          continue;
        }
        List<TypeModel> carriers = new ArrayList<>();
        if (canResolve(subgraph, type, model, null)) {
          carriers.add(type);
        }
        for (String iface : type.interfaces()) {
          TypeModel candidate = supergraph.type(iface);
          if (candidate.isInterfaceObjectIn(subgraph)
              && candidate
                  .field(model.name())
                  .map(f -> canResolve(subgraph, candidate, f, null))
                  .orElse(false)) {
            carriers.add(candidate);
          }
        }
        for (TypeModel carrier : carriers) {
          for (Key key : carrier.keys(subgraph)) {
            if (!key.resolvable()) {
              continue;
            }
            Target target = new Target(subgraph, key, carrier.name());
            if (keyAvailable(key.fields(), type, ctx.subgraph())) {
              direct.add(target);
            } else {
              indirect.add(target);
            }
          }
        }
      }
      String existing = ctx.fetch().id + "|" + String.join(".", ctx.path()) + "|";
      for (Target target : direct) {
        if (!entityFetches.getOrDefault(existing + target.subgraph(), List.of()).isEmpty()) {
          return target;
        }
      }
      if (!direct.isEmpty()) {
        return direct.getFirst();
      }
      if (!indirect.isEmpty()) {
        return indirect.getFirst();
      }
      throw new PlanningException(
          "Cannot plan field "
              + type.name()
              + "."
              + model.name()
              + ": no subgraph that resolves it can be reached by a key from subgraph "
              + ctx.subgraph());
    }

    /** Plans a key or {@code @requires} field set into the current fetch; returns its shape. */
    private List<Projection.Field> addRequirement(
        SelectionSet fieldSet, TypeModel type, Ctx ctx, boolean keyMode) {
      List<Projection.Field> projection = new ArrayList<>();
      Ctx requirementCtx = ctx.forRequirement(keyMode);
      for (Selection<?> selection : fieldSet.getSelections()) {
        switch (selection) {
          case Field field -> {
            String actualKey = planField(field, type.name(), requirementCtx);
            projection.add(
                new Projection.Field(
                    field.getName(),
                    actualKey,
                    Optional.empty(),
                    Optional.ofNullable(field.getSelectionSet())
                        .map(s -> new Projection(Projections.of(s)))));
          }
          case InlineFragment fragment -> {
            if (applies(fragment, type.name())) {
              projection.addAll(addRequirement(fragment.getSelectionSet(), type, ctx, keyMode));
            }
          }
          default -> {}
        }
      }
      return projection;
    }

    private String chooseRootSubgraph(String rootType, Field field, Set<String> used) {
      return rootCandidates(rootType, field, used).getFirst();
    }

    /** Subgraphs that resolve a root field, cheapest first. */
    private List<String> rootCandidates(String rootType, Field field, Set<String> used) {
      TypeModel root = supergraph.type(rootType);
      FieldModel model =
          root.field(field.getName())
              .orElseThrow(
                  () ->
                      new PlanningException(
                          "Cannot query field \"" + field.getName() + "\" on type " + rootType));
      Map<String, Integer> costs = new LinkedHashMap<>();
      for (String subgraph : supergraph.subgraphs().keySet()) {
        if (canResolve(subgraph, root, model, null)) {
          costs.put(
              subgraph,
              2
                      * misses(
                          field.getSelectionSet(),
                          model.typeName(),
                          subgraph,
                          0,
                          ownProvides(model, subgraph))
                  + (used.contains(subgraph) ? 0 : 1));
        }
      }
      if (costs.isEmpty()) {
        throw new PlanningException(
            "No subgraph resolves field " + rootType + "." + field.getName());
      }
      return costs.entrySet().stream()
          .sorted(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey)
          .toList();
    }

    /** The {@code @provides} field set of a field in a subgraph, if any. */
    private List<Selection> ownProvides(FieldModel model, String subgraph) {
      FieldInSubgraph in = model.perSubgraph().get(subgraph);
      return in != null && in.provides().isPresent()
          ? List.copyOf(in.provides().get().getSelections())
          : List.of();
    }

    /**
     * How many selected fields a subgraph could not resolve itself (fields it {@code @provides}
     * along the way count as resolved): a cost estimate.
     */
    private int misses(
        SelectionSet selectionSet,
        String typeName,
        String subgraph,
        int depth,
        List<Selection> provided) {
      Optional<TypeModel> type = supergraph.findType(typeName);
      if (selectionSet == null || type.isEmpty() || depth > 8) {
        return 0;
      }
      List<String> objects =
          type.get().kind() == TypeKind.OBJECT
              ? List.of(typeName)
              : type.get().isInterfaceObjectIn(subgraph)
                  ? List.of()
                  : supergraph.possibleTypesIn(typeName, subgraph);
      int total = 0;
      for (String objectType : objects) {
        TypeModel object = supergraph.type(objectType);
        for (Field field : collectFields(selectionSet.getSelections(), objectType)) {
          Optional<FieldModel> model = object.field(field.getName());
          if (model.isEmpty()) {
            continue;
          }
          FieldInSubgraph in = model.get().perSubgraph().get(subgraph);
          boolean providedHere =
              in != null
                  && in.external()
                  && Projections.provides(provided, field.getName(), object, supergraph);
          if (!providedHere && !canResolve(subgraph, object, model.get(), null)) {
            total++;
          } else {
            List<Selection> childProvided = new ArrayList<>(ownProvides(model.get(), subgraph));
            childProvided.addAll(Projections.subSelections(provided, field.getName()));
            total +=
                misses(
                    field.getSelectionSet(),
                    model.get().typeName(),
                    subgraph,
                    depth + 1,
                    childProvided);
          }
        }
      }
      return total;
    }

    private boolean canResolve(String subgraph, TypeModel type, FieldModel model, Ctx ctx) {
      if (!type.isIn(subgraph) || model.onlyThroughInterfaceObject()) {
        return false;
      }
      if (model.perSubgraph().isEmpty()) {
        return true;
      }
      FieldInSubgraph in = model.perSubgraph().get(subgraph);
      if (in == null) {
        return false;
      }
      if (in.resolves()) {
        return true;
      }
      if (ctx == null) {
        return false;
      }
      // An @external key field is only given by the subgraph for a key when the type is a
      // (fed1-style) extension there, or at the level of an entity it was sent (the value is
      // in the representation); elsewhere in a fed2 subgraph it belongs to another subgraph.
      if (ctx.keyMode()
          && (in.usedOverridden()
              || (in.external() && (ctx.entityLevel() || isExtension(type, subgraph))))
          && isKeyField(type, subgraph, model.name())) {
        return true;
      }
      return in.external() && Projections.provides(ctx.provided(), model.name(), type, supergraph);
    }

    private boolean isExtension(TypeModel type, String subgraph) {
      TypeInSubgraph in = type.subgraphs().get(subgraph);
      return in != null && in.extension();
    }

    private boolean isKeyField(TypeModel type, String subgraph, String fieldName) {
      return type.keys(subgraph).stream()
          .anyMatch(
              k ->
                  k.fields().getSelections().stream()
                      .anyMatch(s -> s instanceof Field f && f.getName().equals(fieldName)));
    }

    /** True when the subgraph can give every field of a key without a further jump. */
    private boolean keyAvailable(SelectionSet fields, TypeModel type, String subgraph) {
      for (Selection<?> selection : fields.getSelections()) {
        if (!(selection instanceof Field field)) {
          continue;
        }
        if (field.getName().equals("__typename")) {
          continue;
        }
        Optional<FieldModel> model = type.field(field.getName());
        if (model.isEmpty()) {
          return false;
        }
        FieldInSubgraph in = model.get().perSubgraph().get(subgraph);
        boolean available =
            type.isIn(subgraph)
                && (model.get().perSubgraph().isEmpty()
                    || (in != null && (in.resolves() || in.external() || in.usedOverridden())));
        if (!available) {
          return false;
        }
        if (field.getSelectionSet() != null) {
          Optional<TypeModel> child = supergraph.findType(model.get().typeName());
          if (child.isPresent()
              && child.get().kind() == TypeKind.OBJECT
              && !keyAvailable(field.getSelectionSet(), child.get(), subgraph)) {
            return false;
          }
        }
      }
      return true;
    }

    private List<Selection> childProvided(Ctx ctx, FieldModel model, String fieldName) {
      List<Selection> provided = new ArrayList<>();
      FieldInSubgraph in = model.perSubgraph().get(ctx.subgraph());
      if (in != null && in.provides().isPresent()) {
        provided.addAll(in.provides().get().getSelections());
      }
      provided.addAll(Projections.subSelections(ctx.provided(), fieldName));
      return provided;
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

    private boolean applies(InlineFragment fragment, String objectType) {
      return fragment.getTypeCondition() == null
          || Projections.applies(fragment.getTypeCondition().getName(), objectType, supergraph);
    }

    private Optional<PlanNode> toNode(List<FetchDraft> drafts) {
      Map<FetchDraft, Integer> levels = new LinkedHashMap<>();
      for (FetchDraft draft : drafts) {
        level(draft, levels);
      }
      List<List<PlanNode>> byLevel = new ArrayList<>();
      for (FetchDraft draft : drafts) {
        if (!draft.entity && draft.root.isEmpty()) {
          continue;
        }
        int level = levels.get(draft);
        while (byLevel.size() <= level) {
          byLevel.add(new ArrayList<>());
        }
        byLevel.get(level).add(new FetchWriter(operation).write(draft));
      }
      List<PlanNode> steps = new ArrayList<>();
      for (List<PlanNode> level : byLevel) {
        if (level.size() == 1) {
          steps.add(level.getFirst());
        } else if (!level.isEmpty()) {
          steps.add(new PlanNode.Parallel(level));
        }
      }
      if (steps.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(steps.size() == 1 ? steps.getFirst() : new PlanNode.Sequence(steps));
    }

    private int level(FetchDraft draft, Map<FetchDraft, Integer> levels) {
      Integer known = levels.get(draft);
      if (known != null) {
        return known;
      }
      int level = 0;
      for (FetchDraft dependency : draft.dependsOn) {
        level = Math.max(level, level(dependency, levels) + 1);
      }
      levels.put(draft, level);
      return level;
    }
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
        + graphql.language.AstPrinter.printAstCompact(
            Field.newField("f").arguments(field.getArguments()).build());
  }

  /** Gives arguments of required fields an alias so they cannot clash with the client's. */
  static SelectionSet aliasArguments(SelectionSet set) {
    List<Selection> result = new ArrayList<>();
    for (Selection<?> selection : set.getSelections()) {
      switch (selection) {
        case Field field -> {
          SelectionSet children =
              field.getSelectionSet() == null ? null : aliasArguments(field.getSelectionSet());
          final String alias =
              field.getArguments().isEmpty()
                  ? field.getAlias()
                  : "_req_"
                      + field.getName()
                      + "_"
                      + Integer.toHexString(
                          graphql.language.AstPrinter.printAstCompact(field).hashCode());
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
