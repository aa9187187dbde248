package dev.podgraph.gateway.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.podgraph.gateway.cost.CostDirectives;
import dev.podgraph.gateway.plan.QueryPlan;
import dev.podgraph.gateway.plan.QueryPlanner;
import dev.podgraph.gateway.response.ResponseShaper;
import dev.podgraph.gateway.schema.GatewaySchema;
import graphql.GraphQL;

/**
 * Everything derived from one supergraph, swapped as one reference on reload so a request in flight
 * finishes on the schema it started with. The caches are bounded (Caffeine, size-based) so a flood
 * of distinct operations evicts instead of growing.
 */
public final class ServingState {

  /** A plan is valid for one text, one operation and one outcome of its skip/include variables. */
  public record PlanKey(String query, String operationName, String conditions) {}

  private final GatewaySchema schema;
  private final QueryPlanner planner;
  private final ResponseShaper shaper;
  private final GraphQL introspection;
  private final Cache<String, ParsedDocument> documents;
  private final Cache<PlanKey, QueryPlan> plans;
  private final CostDirectives costDirectives;

  public ServingState(GatewaySchema schema, int cacheSize) {
    this.schema = schema;
    this.planner = new QueryPlanner(schema.supergraph());
    this.shaper = new ResponseShaper(schema.api());
    this.introspection = GraphQL.newGraphQL(schema.api()).build();
    this.documents = Caffeine.newBuilder().maximumSize(cacheSize).build();
    this.plans = Caffeine.newBuilder().maximumSize(cacheSize).build();
    this.costDirectives = CostDirectives.of(schema.supergraph().sdl());
  }

  /** The supergraph's {@code @cost} and {@code @listSize}, for demand control. */
  public CostDirectives costDirectives() {
    return costDirectives;
  }

  public GatewaySchema schema() {
    return schema;
  }

  public QueryPlanner planner() {
    return planner;
  }

  public ResponseShaper shaper() {
    return shaper;
  }

  public GraphQL introspection() {
    return introspection;
  }

  public Cache<String, ParsedDocument> documents() {
    return documents;
  }

  public Cache<PlanKey, QueryPlan> plans() {
    return plans;
  }
}
