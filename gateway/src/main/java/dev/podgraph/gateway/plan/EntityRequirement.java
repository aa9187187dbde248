package dev.podgraph.gateway.plan;

/**
 * How objects of one runtime type become representations for an {@code _entities} fetch.
 *
 * @param runtimeType the {@code __typename} of the merged objects this applies to
 * @param representationType the {@code __typename} sent: the type itself, or the interface when the
 *     target subgraph knows it as an {@code @interfaceObject}
 * @param projection the key and required fields copied from the object
 */
public record EntityRequirement(
    String runtimeType, String representationType, Projection projection) {}
