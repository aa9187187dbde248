package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.Supergraph;
import dev.podgraph.gateway.supergraph.TypeModel;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLUnionType;
import java.util.Optional;

/**
 * The one subtype check of the gateway: whether a fragment's type condition applies to an object of
 * a given runtime type. The planner, the executor (which representations a fetch takes) and the
 * response shaper all decide it here.
 */
public final class TypeConditions {

  private TypeConditions() {}

  /**
   * True when {@code condition} is the type itself, a union that has it as a member, or an
   * interface it implements (in the supergraph).
   */
  public static boolean applies(String condition, String typeName, Supergraph supergraph) {
    if (condition.equals(typeName)) {
      return true;
    }
    Optional<TypeModel> type = supergraph.findType(condition);
    Optional<TypeModel> object = supergraph.findType(typeName);
    if (type.isEmpty() || object.isEmpty()) {
      return false;
    }
    return switch (type.get().kind()) {
      case UNION -> type.get().members().contains(typeName);
      case INTERFACE -> object.get().interfaces().contains(condition);
      default -> false;
    };
  }

  /**
   * The same rule over the API schema (what the client sees, {@code @inaccessible} types left out),
   * for the response shaper: {@code type} is the object type (or, for a value the gateway only
   * knows by its interface, that interface) the value has.
   */
  public static boolean applies(
      String condition, GraphQLFieldsContainer type, GraphQLSchema schema) {
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
