package dev.podgraph.importer.client;

/** A GraphQL call that failed: which operation, the error code the API gave, and its message. */
public final class GraphQLException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String code;

  public GraphQLException(String operation, String code, String message) {
    super(operation + " failed: " + code + ": " + message);
    this.operation = operation;
    this.code = code;
  }

  public String operation() {
    return operation;
  }

  public String code() {
    return code;
  }
}
