package dev.podgraph.gateway.cost;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static cost of an operation before it runs, after the IBM GraphQL cost specification as
 * Apollo Router's demand control applies it: every object, interface or union value costs 1 and
 * every scalar or enum 0 (unless {@code @cost} says otherwise), every value of a list counts as
 * many times as the list is long, and every mutation field costs 10. A list is as long as its
 * slicing argument says ({@code @listSize(slicingArguments:)}, or by default an {@code Int}
 * argument named {@code first}, {@code last} or {@code limit}), else
 * {@code @listSize(assumedSize:)}, else the configured list size. A connection field's slicing
 * argument sizes its {@code edges} and {@code nodes} ({@code @listSize(sizedFields:)} overrides).
 * Fragments are costed where they are spread (once per spread, memoized, so a fragment "bomb" costs
 * linear time); introspection is free.
 */
public final class CostCalculator {

  private static final Set<String> DEFAULT_SLICING = Set.of("first", "last", "limit");
  private static final List<String> DEFAULT_SIZED = List.of("edges", "nodes");
  private static final long MUTATION_WEIGHT = 10;
  private static final long CAP = Long.MAX_VALUE / 4;

  private final GraphQLSchema api;
  private final CostDirectives directives;
  private final long listSize;

  public CostCalculator(GraphQLSchema api, CostDirectives directives, long listSize) {
    this.api = api;
    this.directives = directives;
    this.listSize = listSize;
  }

  /** The estimated cost of the operation with these variables (validated before). */
  public long estimate(
      Document document, OperationDefinition operation, Map<String, Object> variables) {
    Map<String, FragmentDefinition> fragments = new HashMap<>();
    document
        .getDefinitionsOfType(FragmentDefinition.class)
        .forEach(f -> fragments.put(f.getName(), f));
    GraphQLCompositeType root =
        switch (operation.getOperation()) {
          case MUTATION -> api.getMutationType();
          case SUBSCRIPTION -> api.getSubscriptionType();
          default -> api.getQueryType();
        };
    if (root == null) {
      return 0;
    }
    Walk walk = new Walk(fragments, variables == null ? Map.of() : variables);
    long cost = walk.selections(operation.getSelectionSet(), root, Map.of());
    if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
      long rootFields =
          operation.getSelectionSet().getSelections().stream()
              .filter(Field.class::isInstance)
              .count();
      cost = add(cost, times(rootFields, MUTATION_WEIGHT));
    }
    return cost;
  }

  private final class Walk {
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final Map<String, Long> memo = new HashMap<>();

    Walk(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
      this.fragments = fragments;
      this.variables = variables;
    }

    /**
     * @param sized list lengths a parent connection field set for some of these fields, by name
     */
    long selections(SelectionSet set, GraphQLCompositeType parent, Map<String, Long> sized) {
      long total = 0;
      if (set == null) {
        return 0;
      }
      for (Selection<?> selection : set.getSelections()) {
        long cost =
            switch (selection) {
              case Field field -> field(field, parent, sized);
              case InlineFragment inline ->
                  selections(
                      inline.getSelectionSet(),
                      inline.getTypeCondition() == null
                          ? parent
                          : composite(inline.getTypeCondition().getName(), parent),
                      sized);
              case FragmentSpread spread -> spread(spread, parent, sized);
              default -> 0;
            };
        total = add(total, cost);
      }
      return total;
    }

    private long spread(
        FragmentSpread spread, GraphQLCompositeType parent, Map<String, Long> sized) {
      FragmentDefinition definition = fragments.get(spread.getName());
      if (definition == null) {
        return 0;
      }
      GraphQLCompositeType on = composite(definition.getTypeCondition().getName(), parent);
      if (!sized.isEmpty()) {
        return selections(definition.getSelectionSet(), on, sized);
      }
      Long known = memo.get(spread.getName());
      if (known == null) {
        known = selections(definition.getSelectionSet(), on, Map.of());
        memo.put(spread.getName(), known);
      }
      return known;
    }

    private long field(Field field, GraphQLCompositeType parent, Map<String, Long> sized) {
      if (field.getName().startsWith("__")
          || !(parent instanceof GraphQLFieldsContainer container)) {
        return 0;
      }
      GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
      if (definition == null) {
        return 0;
      }
      String key = CostDirectives.key(container.getName(), field.getName());
      GraphQLType type = definition.getType();
      GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
      boolean composite = named instanceof GraphQLCompositeType;
      long weight =
          directives
              .fieldWeights()
              .getOrDefault(
                  key, directives.typeWeights().getOrDefault(named.getName(), composite ? 1L : 0L));
      CostDirectives.ListSize declared = directives.listSizes().get(key);
      Long slice = slice(field, definition, declared);
      Map<String, Long> childSized = Map.of();
      if (slice != null && listDepth(type) == 0) {
        List<String> sizedFields =
            declared != null && !declared.sizedFields().isEmpty()
                ? declared.sizedFields()
                : DEFAULT_SIZED;
        Map<String, Long> forChildren = new HashMap<>();
        sizedFields.forEach(f -> forChildren.put(f, slice));
        childSized = forChildren;
      }
      long child =
          composite
              ? selections(field.getSelectionSet(), (GraphQLCompositeType) named, childSized)
              : 0;
      long each = add(weight, child);
      int depth = listDepth(type);
      if (depth == 0) {
        return each;
      }
      long length =
          sized.containsKey(field.getName())
              ? sized.get(field.getName())
              : slice != null
                  ? slice
                  : declared != null && declared.assumedSize().isPresent()
                      ? declared.assumedSize().get()
                      : listSize;
      long result = each;
      for (int i = 0; i < depth; i++) {
        result = times(result, length);
      }
      return result;
    }

    /** The largest slicing argument given (or defaulted), or null when the field has none. */
    private Long slice(
        Field field, GraphQLFieldDefinition definition, CostDirectives.ListSize declared) {
      Long largest = null;
      for (GraphQLArgument argument : definition.getArguments()) {
        boolean slicing =
            declared != null && !declared.slicingArguments().isEmpty()
                ? declared.slicingArguments().contains(argument.getName())
                : DEFAULT_SLICING.contains(argument.getName())
                    && GraphQLTypeUtil.unwrapNonNull(argument.getType())
                        .equals(graphql.Scalars.GraphQLInt);
        if (!slicing) {
          continue;
        }
        Long value = argumentValue(field, argument);
        if (value != null && (largest == null || value > largest)) {
          largest = value;
        }
      }
      return largest;
    }

    private Long argumentValue(Field field, GraphQLArgument argument) {
      for (Argument given : field.getArguments()) {
        if (!given.getName().equals(argument.getName())) {
          continue;
        }
        if (given.getValue() instanceof IntValue i) {
          return Math.max(0, i.getValue().longValue());
        }
        if (given.getValue() instanceof VariableReference v
            && variables.get(v.getName()) instanceof Number n) {
          return Math.max(0, n.longValue());
        }
        return null;
      }
      if (argument.hasSetDefaultValue()
          && argument.getArgumentDefaultValue().getValue() instanceof IntValue i) {
        return i.getValue().longValue();
      }
      if (argument.hasSetDefaultValue()
          && argument.getArgumentDefaultValue().getValue() instanceof Number n) {
        return n.longValue();
      }
      return null;
    }

    private GraphQLCompositeType composite(String name, GraphQLCompositeType fallback) {
      return api.getType(name) instanceof GraphQLCompositeType c ? c : fallback;
    }
  }

  private static int listDepth(GraphQLType type) {
    int depth = 0;
    GraphQLType current = type;
    while (true) {
      if (current instanceof GraphQLNonNull nonNull) {
        current = nonNull.getWrappedType();
      } else if (current instanceof GraphQLList list) {
        depth++;
        current = list.getWrappedType();
      } else {
        return depth;
      }
    }
  }

  private static long add(long a, long b) {
    return Math.min(CAP, a + b);
  }

  private static long times(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a > CAP / b ? CAP : a * b;
  }
}
