package dev.podgraph.gateway.response;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shapes the merged tree to exactly the client's selection: its response keys and order, its
 * fragments decided by each object's runtime type, nothing the planner added, and GraphQL null
 * propagation (a null in a non-null position nulls the nearest nullable parent).
 */
public final class ResponseShaper {

  /** Marks a value that must propagate null to its parent. */
  private static final Object INVALID = new Object();

  private final GraphQLSchema schema;

  public ResponseShaper(GraphQLSchema schema) {
    this.schema = schema;
  }

  /**
   * @param tree the merged tree; {@code __schema}/{@code __type} answers already placed in it
   */
  public Shaped shape(String rootType, SelectionSet selection, Map<String, Object> tree) {
    GraphQLObjectType root = schema.getObjectType(rootType);
    Walk walk = new Walk();
    Object shaped = walk.shapeObject(List.of(selection), root, tree);
    return new Shaped(shaped == INVALID ? null : asMap(shaped), walk.errors);
  }

  /**
   * @param data null when null propagated to the root
   * @param errors errors found while shaping (values the API schema cannot represent)
   */
  public record Shaped(Map<String, Object> data, List<Map<String, Object>> errors) {}

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  /** One shaping pass: the current path and the errors found. */
  private final class Walk {
    private final List<Object> path = new ArrayList<>();
    private final List<Map<String, Object>> errors = new ArrayList<>();

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
        Object value = complete(definition.getType(), subSelections, object.get(key));
        path.removeLast();
        if (value == INVALID) {
          return INVALID;
        }
        result.put(key, value);
      }
      return result;
    }

    @SuppressWarnings("unchecked")
    private Object complete(GraphQLOutputType type, List<SelectionSet> selections, Object value) {
      if (type instanceof GraphQLNonNull nonNull) {
        Object completed =
            complete((GraphQLOutputType) nonNull.getWrappedType(), selections, value);
        return completed == null ? INVALID : completed;
      }
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
              complete((GraphQLOutputType) list.getWrappedType(), selections, items.get(i));
          path.removeLast();
          if (element == INVALID) {
            return null;
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
        return shaped == INVALID ? null : shaped;
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
        return shaped == INVALID ? null : shaped;
      }
      if (type instanceof GraphQLEnumType enumType
          && (!(value instanceof String name) || enumType.getValue(name) == null)) {
        // A value the API schema hides (@inaccessible) or never had: the client cannot see it.
        Map<String, Object> error = new LinkedHashMap<>();
        error.put(
            "message", "Enum \"" + enumType.getName() + "\" cannot represent value: " + value);
        error.put("path", List.copyOf(path));
        error.put("extensions", Map.of("code", "INTERNAL"));
        errors.add(error);
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
    if (fragment.getTypeCondition() == null) {
      return true;
    }
    String condition = fragment.getTypeCondition().getName();
    if (condition.equals(type.getName())) {
      return true;
    }
    GraphQLType conditionType = schema.getType(condition);
    return type instanceof GraphQLObjectType object
        && conditionType instanceof GraphQLNamedType named
        && (named instanceof GraphQLInterfaceType || named instanceof GraphQLUnionType)
        && schema.isPossibleType(named, object);
  }
}
