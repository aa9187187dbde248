package dev.podgraph.composition.subgraph;

import java.util.List;

/**
 * A field of an object or interface type in one subgraph, with its federation directives already
 * resolved to their meaning (whatever names the subgraph imported them under).
 *
 * @param requires the field set of {@code @requires}, or null
 * @param provides the field set of {@code @provides}, or null
 * @param overrideFrom the subgraph named by {@code @override(from:)}, or null
 * @param overrideLabel the progressive-override label of {@code @override(label:)}, or null
 * @param onExtension declared inside an {@code extend type} block
 */
public record SubgraphField(
    String name,
    String description,
    TypeRef type,
    List<SubgraphArgument> arguments,
    boolean shareable,
    boolean external,
    String requires,
    String provides,
    String overrideFrom,
    String overrideLabel,
    boolean onExtension,
    Metadata metadata) {

  public SubgraphField {
    arguments = List.copyOf(arguments);
  }

  public SubgraphArgument argument(String argName) {
    return arguments.stream().filter(a -> a.name().equals(argName)).findFirst().orElse(null);
  }

  public SubgraphField withExternal(boolean value) {
    return new SubgraphField(
        name,
        description,
        type,
        arguments,
        shareable,
        value,
        requires,
        provides,
        overrideFrom,
        overrideLabel,
        onExtension,
        metadata);
  }

  public SubgraphField withShareable(boolean value) {
    return new SubgraphField(
        name,
        description,
        type,
        arguments,
        value,
        external,
        requires,
        provides,
        overrideFrom,
        overrideLabel,
        onExtension,
        metadata);
  }
}
