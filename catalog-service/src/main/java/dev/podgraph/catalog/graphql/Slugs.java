package dev.podgraph.catalog.graphql;

/** The slug rule shared by the input validation and the service that derives slugs. */
public final class Slugs {
  public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

  private Slugs() {}
}
