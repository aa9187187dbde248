package dev.podgraph.composition.supergraph;

import dev.podgraph.composition.subgraph.TypeKind;
import java.util.List;

/** A merged named type; only the lists that fit its kind are non-empty. */
public record SupergraphType(
    TypeKind kind,
    String name,
    String description,
    List<String> interfaces,
    List<AppliedDirective> directives,
    List<SupergraphField> fields,
    List<SupergraphArgument> inputFields,
    List<String> unionMembers,
    List<SupergraphEnumValue> values) {
  public SupergraphType {
    interfaces = List.copyOf(interfaces);
    directives = List.copyOf(directives);
    fields = List.copyOf(fields);
    inputFields = List.copyOf(inputFields);
    unionMembers = List.copyOf(unionMembers);
    values = List.copyOf(values);
  }
}
