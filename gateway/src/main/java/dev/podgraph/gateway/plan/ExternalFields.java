package dev.podgraph.gateway.plan;

import dev.podgraph.gateway.supergraph.FieldInSubgraph;
import dev.podgraph.gateway.supergraph.FieldModel;
import dev.podgraph.gateway.supergraph.TypeModel;

/**
 * When a subgraph still gives a field it does not resolve: an {@code @external} field (or one that
 * moved away with {@code @override} but is still read there) as part of a key, and an {@code
 * @external} field under a {@code @provides} that covers it.
 */
final class ExternalFields {

  private ExternalFields() {}

  /** True when the subgraph can select the field at this position of the traversal. */
  static boolean selectable(
      SupergraphFacts facts,
      String subgraph,
      TypeModel type,
      FieldModel model,
      PlanningContext ctx) {
    if (facts.resolves(subgraph, type, model)) {
      return true;
    }
    FieldInSubgraph in = model.perSubgraph().get(subgraph);
    if (!type.isIn(subgraph) || model.onlyThroughInterfaceObject() || in == null) {
      return false;
    }
    return givenForKey(facts, subgraph, type, model, in, ctx)
        || (in.external() && Provides.covers(ctx.provided(), model.name(), type, facts));
  }

  /**
   * An {@code @external} key field is only given by the subgraph for a key when the type is a
   * (fed1-style) extension there, or at the level of an entity it was sent (the value is in the
   * representation); elsewhere in a fed2 subgraph it belongs to another subgraph.
   */
  private static boolean givenForKey(
      SupergraphFacts facts,
      String subgraph,
      TypeModel type,
      FieldModel model,
      FieldInSubgraph in,
      PlanningContext ctx) {
    return ctx.purpose() == PlanningContext.Purpose.KEY
        && (in.usedOverridden()
            || (in.external() && (ctx.entityLevel() || facts.isExtension(type, subgraph))))
        && facts.isKeyField(type, subgraph, model.name());
  }
}
