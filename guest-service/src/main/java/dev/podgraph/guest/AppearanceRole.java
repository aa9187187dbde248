package dev.podgraph.guest;

/** What a person does on an episode. */
public enum AppearanceRole {
  HOST,
  GUEST
}
