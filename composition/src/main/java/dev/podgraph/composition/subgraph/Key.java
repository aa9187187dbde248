package dev.podgraph.composition.subgraph;

/**
 * One {@code @key} of an entity in one subgraph.
 *
 * @param onExtension declared on an {@code extend type} block or on a type marked {@code @extends}
 * @param byExtendsDirective the type is marked {@code @extends} (which, unlike {@code extend type},
 *     Apollo's fed1 upgrade keeps as an extension)
 */
public record Key(
    String fields, boolean resolvable, boolean onExtension, boolean byExtendsDirective) {}
