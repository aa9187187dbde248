package dev.podgraph.gateway.response;

import dev.podgraph.gateway.plan.TypeConditions;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shapes the merged tree to exactly the client's selection: its response keys and order, its
 * fragments decided by each object's runtime type, nothing the planner added, and GraphQL null
 * propagation (a null in a non-null position nulls the nearest nullable parent). Every such null
 * comes with an error saying where, as graphql-js words it, unless an error of the response is
 * already at, above or below that position.
 */
// graphql-java's AST API hands out raw lists (List<Selection>, List<Type>, List<Value>).
@SuppressWarnings("rawtypes")
public final class ResponseShaper {

  /** The shaper lists this many null errors at most; one more error counts the rest. */
  public static final int MAX_NULL_ERRORS = 100;

  /** Marks a value that must propagate null to its parent. */
  private static final Object INVALID = new Object();

  /** A nullable position nulled because a non-null value inside it was null (already told). */
  private static final Object NULLED = new Object();

  private final GraphQLSchema schema;

  public ResponseShaper(GraphQLSchema schema) {
    this.schema = schema;
  }

  /**
   * @param tree the merged tree; {@code __schema}/{@code __type} answers already placed in it
   */
  public Shaped shape(String rootType, SelectionSet selection, Map<String, Object> tree) {
    return shape(rootType, selection, tree, List.of());
  }

  /**
   * @param explained the paths of errors the response already carries (subgraph errors, failed
   *     fetches): a null at, above or below one of them gets no error of its own
   */
  public Shaped shape(
      String rootType,
      SelectionSet selection,
      Map<String, Object> tree,
      Collection<List<Object>> explained) {
    GraphQLObjectType root = schema.getObjectType(rootType);
    Walk walk = new Walk(explained);
    Object shaped = walk.shapeObject(List.of(selection), root, tree);
    walk.summarizeNullErrors();
    return new Shaped(shaped == INVALID ? null : asMap(shaped), walk.errors);
  }

  /**
   * @param data null when null propagated to the root
   * @param errors errors found while shaping: values the API schema cannot represent, nulls in
   *     non-null positions nobody explained
   */
  public record Shaped(Map<String, Object> data, List<Map<String, Object>> errors) {}

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  /** A field as graphql-js names it in errors: {@code Type.field}. */
  private record Coordinate(String type, String field) {}

  /** One shaping pass: the current path and the errors found. */
  private final class Walk {
    private final List<Object> path = new ArrayList<>();
    private final List<Map<String, Object>> errors = new ArrayList<>();
    private final ErrorPaths explained = new ErrorPaths();
    private int listedNullErrors;
    private int unlistedNullErrors;

    Walk(Collection<List<Object>> explained) {
      explained.forEach(this.explained::add);
    }

    private void addError(String message) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("message", message);
      error.put("path", List.copyOf(path));
      error.put("extensions", Map.of("code", "INTERNAL"));
      errors.add(error);
      explained.add(path);
    }

    /** A null reached a non-null position: say so, unless an error already explains it. */
    private void nullInNonNullField(Coordinate coordinate) {
      if (explained.related(path)) {
        return;
      }
      if (listedNullErrors >= MAX_NULL_ERRORS) {
        unlistedNullErrors++;
        explained.add(path);
        return;
      }
      listedNullErrors++;
      addError(
          "Cannot return null for non-nullable field "
              + coordinate.type()
              + "."
              + coordinate.field()
              + ".");
    }

    void summarizeNullErrors() {
      if (unlistedNullErrors > 0) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put(
            "message",
            unlistedNullErrors
                + " more non-nullable fields were null and nulled their parents (not listed one"
                + " by one).");
        error.put("extensions", Map.of("code", "INTERNAL", "omitted", unlistedNullErrors));
        errors.add(error);
      }
    }

    private Object shapeObject(
        List<SelectionSet> selections, GraphQLFieldsContainer type, Map<String, Object> object) {
      Map<String, List<Field>> fields = new LinkedHashMap<>();
      for (SelectionSet set : selections) {
        collect(set.getSelections(), type, fields);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      for (Map.Entry<String, List<Field>> entry : fields.entrySet()) {
        String key = entry.getKey();
        Field first = entry.getValue().getFirst();
        String name = first.getName();
        if (name.equals("__typename")) {
          result.put(key, type.getName());
          continue;
        }
        if (name.startsWith("__")) {
          result.put(key, object.get(key)); // introspection, answered by graphql-java already
          continue;
        }
        GraphQLFieldDefinition definition = type.getFieldDefinition(name);
        if (definition == null) {
          continue;
        }
        List<SelectionSet> subSelections = new ArrayList<>();
        for (Field field : entry.getValue()) {
          if (field.getSelectionSet() != null) {
            subSelections.add(field.getSelectionSet());
          }
        }
        path.add(key);
        Object value =
            complete(
                definition.getType(),
                subSelections,
                object.get(key),
                new Coordinate(type.getName(), definition.getName()));
        path.removeLast();
        if (value == INVALID) {
          return INVALID;
        }
        result.put(key, value);
      }
      return result;
    }

    /**
     * @param coordinate the field being completed, for error messages
     * @return the value, null, or {@link #INVALID} when a null must propagate to the parent
     */
    private Object complete(
        GraphQLOutputType type,
        List<SelectionSet> selections,
        Object value,
        Coordinate coordinate) {
      if (type instanceof GraphQLNonNull nonNull) {
        Object completed =
            completeNullable(
                (GraphQLOutputType) nonNull.getWrappedType(), selections, value, coordinate);
        if (completed == null) {
          nullInNonNullField(coordinate);
          return INVALID;
        }
        return completed == NULLED ? INVALID : completed;
      }
      Object completed = completeNullable(type, selections, value, coordinate);
      return completed == NULLED ? null : completed;
    }

    /**
     * Completes a value of a type that is not non-null itself: {@link #NULLED} when a non-null
     * value inside it was null (its error is told), null when the value is null or unusable.
     */
    @SuppressWarnings("unchecked")
    private Object completeNullable(
        GraphQLOutputType type,
        List<SelectionSet> selections,
        Object value,
        Coordinate coordinate) {
      if (value == null) {
        return null;
      }
      if (type instanceof GraphQLList list) {
        if (!(value instanceof List<?> items)) {
          return null;
        }
        List<Object> completed = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
          path.add(i);
          Object element =
              complete(
                  (GraphQLOutputType) list.getWrappedType(), selections, items.get(i), coordinate);
          path.removeLast();
          if (element == INVALID) {
            return NULLED;
          }
          completed.add(element);
        }
        return completed;
      }
      if (type instanceof GraphQLObjectType object) {
        if (!(value instanceof Map<?, ?> map)) {
          return null;
        }
        Object shaped = shapeObject(selections, object, (Map<String, Object>) map);
        return shaped == INVALID ? NULLED : shaped;
      }
      if (type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType) {
        if (!(value instanceof Map<?, ?> map)) {
          return null;
        }
        GraphQLFieldsContainer runtime =
            runtimeType((GraphQLNamedType) type, map.get("__typename"));
        if (runtime == null) {
          return null; // a type the API hides, or no type at all: the client cannot be told
        }
        Object shaped = shapeObject(selections, runtime, (Map<String, Object>) map);
        return shaped == INVALID ? NULLED : shaped;
      }
      if (type instanceof GraphQLEnumType enumType
          && (!(value instanceof String name) || enumType.getValue(name) == null)) {
        // A value the API schema hides (@inaccessible) or never had: the client cannot see it.
        addError("Enum \"" + enumType.getName() + "\" cannot represent value: " + value);
        return null;
      }
      return value; // scalars travel as the subgraph serialized them
    }
  }

  private GraphQLFieldsContainer runtimeType(GraphQLNamedType abstractType, Object typename) {
    if (!(typename instanceof String name)) {
      return null;
    }
    GraphQLType runtime = schema.getType(name);
    if (runtime instanceof GraphQLObjectType object
        && schema.isPossibleType(abstractType, object)) {
      return object;
    }
    if (runtime instanceof GraphQLInterfaceType iface && name.equals(abstractType.getName())) {
      return iface; // only an @interfaceObject knew this object: its interface fields still apply
    }
    return null;
  }

  private void collect(
      List<Selection> selections, GraphQLFieldsContainer type, Map<String, List<Field>> fields) {
    for (Selection<?> selection : selections) {
      if (selection instanceof Field field) {
        fields.computeIfAbsent(field.getResultKey(), k -> new ArrayList<>()).add(field);
      } else if (selection instanceof InlineFragment fragment && applies(fragment, type)) {
        collect(fragment.getSelectionSet().getSelections(), type, fields);
      }
    }
  }

  private boolean applies(InlineFragment fragment, GraphQLFieldsContainer type) {
    return fragment.getTypeCondition() == null
        || TypeConditions.applies(fragment.getTypeCondition().getName(), type, schema);
  }
}
