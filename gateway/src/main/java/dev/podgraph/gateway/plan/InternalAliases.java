package dev.podgraph.gateway.plan;

/**
 * Every private alias the planner gives a field, defined in one place. Two kinds:
 *
 * <ul>
 *   <li>renames, written {@code key__pg_Type}: when sibling fragments select the same response key
 *       with types of different shapes in the subgraph (which the subgraph would refuse as
 *       unmergeable, though the client's operation is valid). The executor reads them back as
 *       {@code key} ({@link #original}) when it merges the answer;
 *   <li>requirement keys, written {@code _pg_field} and {@code _req_field_hash}: a key or required
 *       field the gateway asks for itself where the client uses the key for something else, and a
 *       required field with arguments (two requirements may need it with different ones). They stay
 *       as they are in the merged tree: only representations read them, through the projection's
 *       source key.
 * </ul>
 */
public final class InternalAliases {

  public static final String MARKER = "__pg_";

  private InternalAliases() {}

  static String alias(String responseKey, String typeCondition) {
    return responseKey + MARKER + typeCondition;
  }

  /** A key or required field asked where the client's key names another field. */
  static String requirement(String fieldName) {
    return "_pg_" + fieldName;
  }

  /** A required field with arguments, one alias per argument values ({@code printed} field). */
  static String withArguments(String fieldName, String printedField) {
    return "_req_" + fieldName + "_" + Integer.toHexString(printedField.hashCode());
  }

  /** The client's response key behind a key that may be a private alias. */
  public static String original(String key) {
    int at = key.indexOf(MARKER);
    return at > 0 ? key.substring(0, at) : key;
  }
}
