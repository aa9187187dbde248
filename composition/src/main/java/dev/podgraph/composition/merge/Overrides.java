package dev.podgraph.composition.merge;

import dev.podgraph.composition.ErrorCodes;
import dev.podgraph.composition.subgraph.SubgraphField;

/**
 * What {@code @override(from:, label:)} on one field means per subgraph: the subgraph named by
 * {@code from} no longer resolves the field ("unused overridden"), unless its own key, requires or
 * provides still select it ("used overridden"); with a progressive {@code label} both keep it.
 */
final class Overrides {
  private final boolean[] used;
  private final boolean[] unused;
  private final String[] labels;
  private final boolean any;

  private Overrides(boolean[] used, boolean[] unused, String[] labels, boolean any) {
    this.used = used;
    this.unused = unused;
    this.labels = labels;
    this.any = any;
  }

  static Overrides of(
      MergeContext ctx, String typeName, String fieldName, SubgraphField[] sources) {
    int n = sources.length;
    boolean[] used = new boolean[n];
    boolean[] unused = new boolean[n];
    String[] labels = new String[n];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      SubgraphField f = sources[i];
      if (f == null || f.overrideFrom() == null) {
        continue;
      }
      int from = ctx.indexOf(f.overrideFrom());
      if (from == i) {
        continue; // reported by the subgraph validator
      }
      SubgraphField overridden = from < 0 ? null : sources[from];
      if (overridden != null && overridden.overrideFrom() != null) {
        ctx.error(
            ErrorCodes.OVERRIDE_SOURCE_HAS_OVERRIDE,
            "Field \""
                + typeName
                + "."
                + fieldName
                + "\" on subgraph \""
                + ctx.name(i)
                + "\" is also marked with directive @override in subgraph \""
                + ctx.name(from)
                + "\". Only one @override directive is allowed per field.");
        continue;
      }
      if (overridden == null || overridden.external()) {
        continue; // Apollo only hints: nothing to take over
      }
      if (f.overrideLabel() != null) {
        labels[i] = f.overrideLabel();
        labels[from] = f.overrideLabel();
        any = true;
      }
      if (ctx.usedFields.get(from).contains(typeName + "." + fieldName)) {
        used[from] = true;
        any = true;
      } else {
        unused[from] = true;
      }
    }
    return new Overrides(used, unused, labels, any);
  }

  boolean usedOverridden(int i) {
    return used[i];
  }

  boolean unusedOverridden(int i) {
    return unused[i];
  }

  String label(int i) {
    return labels[i];
  }

  /** Some subgraph is used-overridden or carries a label: Apollo then always emits join__field. */
  boolean any() {
    return any;
  }
}
