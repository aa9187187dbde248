package dev.podgraph.gateway.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.Supergraphs;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

class ApiSchemaBuilderTest {

  private final GraphQLSchema api = new ApiSchemaBuilder().build(Supergraphs.load("shop"));

  @Test
  void removesTheJoinAndLinkMachinery() {
    assertNull(api.getType("join__Graph"));
    assertNull(api.getType("join__FieldSet"));
    assertNull(api.getType("link__Purpose"));
    assertNull(api.getDirective("join__type"));
    assertTrue(
        api.getSchemaAppliedDirectives().isEmpty()
            || api.getSchemaAppliedDirective("link") == null);
  }

  @Test
  void hidesInaccessibleElements() {
    GraphQLObjectType product = api.getObjectType("Product");
    assertNull(product.getFieldDefinition("internalCode"));
    assertNull(api.getQueryType().getFieldDefinition("secret"));
    assertNotNull(product.getFieldDefinition("shippingEstimate"));
  }

  @Test
  void keepsRootTypes() {
    assertEquals("Query", api.getQueryType().getName());
    assertEquals("Mutation", api.getMutationType().getName());
  }
}
