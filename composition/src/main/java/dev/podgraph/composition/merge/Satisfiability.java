package dev.podgraph.composition.merge;

import dev.podgraph.composition.ErrorCodes;
import dev.podgraph.composition.subgraph.Key;
import dev.podgraph.composition.subgraph.Subgraph;
import dev.podgraph.composition.subgraph.SubgraphField;
import dev.podgraph.composition.subgraph.SubgraphType;
import dev.podgraph.composition.subgraph.TypeKind;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A partial version of Apollo's satisfiability validation: the case that matters most in practice.
 * When a subgraph can reach an object type (a field of it returns the type, or it is an entity
 * there) but does not resolve one of its fields, some subgraph that resolves the field must have a
 * resolvable {@code @key} whose top-level fields the first subgraph has, so the gateway can jump
 * there. Paths through {@code @provides}, {@code @requires}, interfaces and interface objects are
 * not explored: this check only reports what Apollo certainly rejects.
 */
final class Satisfiability {
  private final MergeContext ctx;

  Satisfiability(MergeContext ctx) {
    this.ctx = ctx;
  }

  void check(String typeName) {
    if (Set.of("Query", "Mutation", "Subscription").contains(typeName)) {
      return;
    }
    List<SubgraphType> sources = ctx.sources(typeName);
    if (sources.stream()
        .anyMatch(s -> s != null && (s.interfaceObject() || s.kind() != TypeKind.OBJECT))) {
      return;
    }
    Set<String> fieldNames = new LinkedHashSet<>();
    sources.stream().filter(s -> s != null).forEach(s -> fieldNames.addAll(s.fields().keySet()));
    for (int from = 0; from < sources.size(); from++) {
      SubgraphType here = sources.get(from);
      if (here == null || !reachable(ctx.subgraphs.get(from), here)) {
        continue;
      }
      for (String fieldName : fieldNames) {
        SubgraphField f = here.fields().get(fieldName);
        if (f != null
            && (!f.external()
                || ctx.providedFields.get(from).contains(typeName + "." + fieldName))) {
          continue;
        }
        List<String> resolvers = new ArrayList<>();
        boolean canJump = false;
        for (int to = 0; to < sources.size(); to++) {
          SubgraphType there = sources.get(to);
          SubgraphField g = there == null ? null : there.fields().get(fieldName);
          if (to == from || g == null || g.external()) {
            continue;
          }
          resolvers.add(ctx.name(to));
          canJump |= there.keys().stream().anyMatch(k -> k.resolvable() && hasKeyFields(here, k));
        }
        if (!resolvers.isEmpty() && !canJump) {
          ctx.error(
              ErrorCodes.SATISFIABILITY_ERROR,
              "Field \""
                  + typeName
                  + "."
                  + fieldName
                  + "\" cannot be resolved from subgraph \""
                  + ctx.name(from)
                  + "\", which returns \""
                  + typeName
                  + "\" but does not resolve this field, and "
                  + Subgraphs.list(resolvers)
                  + (resolvers.size() == 1 ? " has" : " have")
                  + " no resolvable @key on \""
                  + typeName
                  + "\" whose fields \""
                  + ctx.name(from)
                  + "\" has (add a @key to the type in the subgraph that resolves the field, or"
                  + " make the field @shareable and resolve it in both).");
        }
      }
    }
  }

  /** The subgraph can hand out this type: a field returns it, or it is an entity there. */
  private boolean reachable(Subgraph subgraph, SubgraphType type) {
    if (type.keys().stream().anyMatch(Key::resolvable)) {
      return true;
    }
    Set<String> abstracts = new HashSet<>(type.interfaces());
    for (SubgraphType t : subgraph.types().values()) {
      if (t.unionMembers().contains(type.name())) {
        abstracts.add(t.name());
      }
    }
    for (SubgraphType t : subgraph.types().values()) {
      for (SubgraphField f : t.fields().values()) {
        String returned = f.type().baseName();
        if (!f.external() && (returned.equals(type.name()) || abstracts.contains(returned))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasKeyFields(SubgraphType type, Key key) {
    try {
      OperationDefinition op =
          (OperationDefinition) Parser.parse("{" + key.fields() + "}").getDefinitions().getFirst();
      for (Selection<?> s : op.getSelectionSet().getSelections()) {
        if (s instanceof Field field && !type.fields().containsKey(field.getName())) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
