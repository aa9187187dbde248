package dev.podgraph.gateway.plan;

/**
 * Private aliases the planner gives a field when sibling fragments select the same response key
 * with types of different shapes in the subgraph (which the subgraph would refuse as unmergeable,
 * though the client's operation is valid). Written {@code key__pg_Type}; the executor reads them
 * back as {@code key}.
 */
public final class InternalAliases {

  public static final String MARKER = "__pg_";

  private InternalAliases() {}

  static String alias(String responseKey, String typeCondition) {
    return responseKey + MARKER + typeCondition;
  }

  /** The client's response key behind a key that may be a private alias. */
  public static String original(String key) {
    int at = key.indexOf(MARKER);
    return at > 0 ? key.substring(0, at) : key;
  }
}
