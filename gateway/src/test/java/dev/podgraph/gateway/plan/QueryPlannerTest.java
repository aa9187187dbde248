package dev.podgraph.gateway.plan;

import static dev.podgraph.gateway.plan.PlanAssertions.assertPlan;
import static dev.podgraph.gateway.plan.PlanAssertions.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.gateway.fixture.Supergraphs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryPlannerTest {

  private static final String SHOP = Supergraphs.load("shop");

  @Test
  void asksOneSubgraphWhenItOwnsEverySelectedField() {
    assertPlan(
        """
        Fetch(products): { topProducts { name } }
        """,
        plan(SHOP, "{ topProducts { name } }"));
  }

  @Test
  void jumpsToTheOwnerOfAFieldThroughTheEntityKey() {
    assertPlan(
        """
        Sequence
        Fetch(products): { topProducts { name __typename upc } }
        Flatten(topProducts.@)
        Fetch(inventory): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { inStock } } }
        End
        """,
        plan(SHOP, "{ topProducts { name inStock } }"));
  }

  @Test
  void fetchesRequiredFieldsBeforeTheFieldThatRequiresThem() {
    QueryPlan plan = plan(SHOP, "{ topProducts { shippingEstimate } }");
    assertPlan(
        """
        Sequence
        Fetch(products): { topProducts { __typename upc price weight } }
        Flatten(topProducts.@)
        Fetch(inventory): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { shippingEstimate } } }
        End
        """,
        plan);
    PlanNode.Flatten flatten =
        (PlanNode.Flatten) ((PlanNode.Sequence) plan.root().get()).nodes().get(1);
    EntityRequirement requirement = flatten.fetch().requires().getFirst();
    assertEquals("Product", requirement.representationType());
    assertEquals(
        java.util.List.of("upc", "price", "weight"),
        requirement.projection().fields().stream().map(Projection.Field::outputKey).toList());
  }

  @Test
  void recordsTheClientsKeysEachFetchWritesForErrorsOfAFailedFetch() {
    QueryPlan plan = plan(SHOP, "{ best: topProducts { name stock: inStock shippingEstimate } }");
    PlanNode.Sequence sequence = (PlanNode.Sequence) plan.root().get();
    PlanNode.Fetch root = (PlanNode.Fetch) sequence.nodes().get(0);
    PlanNode.Flatten flatten = (PlanNode.Flatten) sequence.nodes().get(1);
    assertEquals(Map.of("", java.util.List.of("best")), root.provides());
    assertEquals(
        Map.of("Product", java.util.List.of("stock", "shippingEstimate")),
        flatten.fetch().provides());
  }

  @Test
  void trustsProvidedFieldsInsteadOfJumping() {
    assertPlan(
        """
        Sequence
        Fetch(users): { me { __typename id } }
        Flatten(me)
        Fetch(reviews): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { reviews { author { username } } } } }
        End
        """,
        plan(SHOP, "{ me { reviews { author { username } } } }"));
  }

  @Test
  void jumpsForAnExternalFieldThatIsNotProvided() {
    assertPlan(
        """
        Sequence
        Fetch(users): { me { __typename id } }
        Flatten(me)
        Fetch(reviews): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { reviews { author { __typename id } } } } }
        Flatten(me.reviews.@.author)
        Fetch(users): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { name } } }
        End
        """,
        plan(SHOP, "{ me { reviews { author { name } } } }"));
  }

  @Test
  void runsIndependentRootFieldsInParallel() {
    assertPlan(
        """
        Parallel
        Fetch(products): { topProducts { name } }
        Fetch(users): { me { name } }
        End
        """,
        plan(SHOP, "{ topProducts { name } me { name } }"));
  }

  @Test
  void runsMutationRootFieldsInTheirOrder() {
    assertPlan(
        """
        Sequence
        Fetch(users): mutation { first: rename(name: "a") { name } }
        Fetch(reviews): mutation { addReview(upc: "1", body: "b") { id } }
        Fetch(users): mutation { second: rename(name: "c") { name } }
        End
        """,
        plan(
            SHOP,
            """
            mutation {
              first: rename(name: "a") { name }
              addReview(upc: "1", body: "b") { id }
              second: rename(name: "c") { name }
            }
            """));
  }

  @Test
  void keepsAliasesAndPassesVariablesOn() {
    assertPlan(
        """
        Fetch(products): query($n: Int) { best: topProducts(first: $n) { title: name } }
        """,
        plan(SHOP, "query($n: Int) { best: topProducts(first: $n) { title: name } }"));
  }

  @Test
  void decidesSkipAndIncludeWithTheVariables() {
    String operation =
        "query($withStock: Boolean!) { topProducts { name inStock @include(if: $withStock) } }";
    assertPlan(
        """
        Fetch(products): { topProducts { name } }
        """,
        plan(SHOP, operation, Map.of("withStock", false)));
    assertTrue(
        PlanAssertions.render(plan(SHOP, operation, Map.of("withStock", true)).root().get())
            .contains("inventory"));
  }

  @Test
  void asksUnionMembersWithOneFragmentPerType() {
    assertPlan(
        """
        Sequence
        Fetch(products): { search(term: "x") { __typename ... on Product { name upc } ... on Brand { name__pg_Brand: name } } }
        Flatten(search.@)
        Fetch(inventory): query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { inStock } } }
        End
        """,
        plan(
            SHOP,
            "{ search(term: \"x\") { ... on Product { name inStock } ... on Brand { name } } }"));
  }

  @Test
  void answersTypenameAloneWithoutAnySubgraph() {
    assertTrue(plan(SHOP, "{ __typename }").root().isEmpty());
  }
}
