package dev.podgraph.gateway.plan;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A subgraph selection set while the planner builds it; becomes AST when the plan is frozen. */
// graphql-java's AST API hands out raw lists (List<Selection>, List<Type>, List<Value>).
@SuppressWarnings("rawtypes")
final class SelectionDraft {

  private final Map<String, FieldDraft> fields = new LinkedHashMap<>();
  private final Map<String, SelectionDraft> fragments = new LinkedHashMap<>();

  /** Set when the enclosing selection (or the merged object) already carries __typename. */
  private boolean typenameKnown;

  static final class FieldDraft {
    final String responseKey;
    final String name;
    final List<Argument> arguments;
    SelectionDraft children;

    /** The field's type in the subgraph asked, to spot fragments a subgraph cannot merge. */
    String signature = "";

    FieldDraft(String responseKey, String name, List<Argument> arguments) {
      this.responseKey = responseKey;
      this.name = name;
      this.arguments = List.copyOf(arguments);
    }

    boolean sameAs(String otherName, List<Argument> otherArguments) {
      return name.equals(otherName) && signature(arguments).equals(signature(otherArguments));
    }
  }

  boolean isEmpty() {
    return fields.isEmpty() && fragments.values().stream().allMatch(SelectionDraft::isEmpty);
  }

  /**
   * Adds a field under the wanted response key, or under a derived one when that key already holds
   * a different field; returns the draft, whose {@code responseKey} says which.
   */
  FieldDraft field(String responseKey, String name, List<Argument> arguments, boolean composite) {
    String key = responseKey;
    for (int attempt = 0; ; attempt++) {
      FieldDraft existing = fields.get(key);
      if (existing == null) {
        FieldDraft created = new FieldDraft(key, name, arguments);
        if (composite) {
          created.children = new SelectionDraft();
        }
        fields.put(key, created);
        return created;
      }
      if (existing.sameAs(name, arguments)) {
        return existing;
      }
      key = "_" + name + "_" + (attempt + 1);
    }
  }

  SelectionDraft fragment(String typeCondition) {
    return fragments.computeIfAbsent(typeCondition, t -> new SelectionDraft());
  }

  /** A fragment whose objects' __typename is already asked by this selection or known. */
  SelectionDraft typedFragment(String typeCondition) {
    SelectionDraft fragment = fragment(typeCondition);
    fragment.typenameKnown = true;
    return fragment;
  }

  /** Asks __typename unless it is already known for these objects. */
  void ensureTypename() {
    if (!typenameKnown) {
      field("__typename", "__typename", List.of(), false);
    }
  }

  SelectionSet toAst() {
    return toAst(Map.of());
  }

  /**
   * @param renames response keys to ask under a private alias (see {@link InternalAliases}),
   *     because a sibling fragment selects the same key with a type of another shape
   */
  private SelectionSet toAst(Map<String, String> renames) {
    List<Selection> selections = new ArrayList<>();
    for (FieldDraft field : fields.values()) {
      Field.Builder builder = Field.newField(field.name).arguments(field.arguments);
      String key = renames.getOrDefault(field.responseKey, field.responseKey);
      if (!key.equals(field.name)) {
        builder.alias(key);
      }
      if (field.children != null) {
        SelectionDraft children = field.children;
        if (children.isEmpty()) {
          children.field("__typename", "__typename", List.of(), false);
        }
        builder.selectionSet(children.toAst());
      }
      selections.add(builder.build());
    }
    Map<String, String> firstSignature = new LinkedHashMap<>();
    fragments.forEach(
        (type, draft) ->
            draft
                .fields
                .values()
                .forEach(f -> firstSignature.putIfAbsent(f.responseKey, f.signature)));
    fragments.forEach(
        (type, draft) -> {
          if (!draft.isEmpty()) {
            Map<String, String> fragmentRenames = new LinkedHashMap<>();
            for (FieldDraft f : draft.fields.values()) {
              if (!f.signature.equals(firstSignature.get(f.responseKey))) {
                fragmentRenames.put(f.responseKey, InternalAliases.alias(f.responseKey, type));
              }
            }
            selections.add(
                InlineFragment.newInlineFragment()
                    .typeCondition(TypeName.newTypeName(type).build())
                    .selectionSet(draft.toAst(fragmentRenames))
                    .build());
          }
        });
    return SelectionSet.newSelectionSet(selections).build();
  }

  private static String signature(List<Argument> arguments) {
    StringBuilder text = new StringBuilder();
    arguments.stream()
        .sorted(java.util.Comparator.comparing(Argument::getName))
        .forEach(a -> text.append(AstPrinter.printAstCompact(a)).append(','));
    return text.toString();
  }
}
