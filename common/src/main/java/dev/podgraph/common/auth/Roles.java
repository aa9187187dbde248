package dev.podgraph.common.auth;

/** Role names carried in the {@code groups} claim of the JWTs the services verify. */
public final class Roles {
  /** May create, change, delete and publish; reads need no role. */
  public static final String EDITOR = "editor";

  private Roles() {}
}
