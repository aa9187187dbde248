package dev.podgraph.catalog.model;

/** The loose URL rule of the inputs: show notes write links with or without a scheme. */
final class Urls {
  static final String PATTERN = "^(https?://)?[^\\s/]+\\.[^\\s/]+(/\\S*)?$";
  static final String MESSAGE = "must be a web address such as https://example.com/page";

  private Urls() {}
}
