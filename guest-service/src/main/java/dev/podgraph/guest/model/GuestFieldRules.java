package dev.podgraph.guest.model;

import dev.podgraph.common.error.FieldViolation;
import dev.podgraph.common.error.InvalidInputException;
import dev.podgraph.rules.Slugs;
import java.util.ArrayList;
import java.util.List;

/** Input rules shared by the create and update inputs (and the migration's CHECK on slugs). */
public final class GuestFieldRules {
  public static final String SLUG = Slugs.PATTERN;
  public static final String SLUG_MESSAGE =
      "must be lower-case letters and digits joined by single '-'";
  public static final String URL = "^https?://\\S+$";
  public static final String URL_MESSAGE = "must be an http(s) URL";
  public static final String NOT_BLANK = "(?s).*\\S.*";
  public static final int MAX_PROJECT_LENGTH = 200;

  /**
   * Rules on list elements, checked by hand: SmallRye GraphQL reads constraints on type arguments
   * as constraints on the list itself (and marks the list non-null).
   */
  public static void checkLists(String input, List<String> projects, List<String> links) {
    List<FieldViolation> violations = new ArrayList<>();
    if (projects != null) {
      for (int i = 0; i < projects.size(); i++) {
        String project = projects.get(i);
        if (project == null || project.isBlank() || project.length() > MAX_PROJECT_LENGTH) {
          violations.add(
              new FieldViolation(
                  input + ".projects[" + i + "]",
                  "must be 1 to " + MAX_PROJECT_LENGTH + " characters"));
        }
      }
    }
    if (links != null) {
      for (int i = 0; i < links.size(); i++) {
        String link = links.get(i);
        if (link == null || !link.strip().matches(URL)) {
          violations.add(new FieldViolation(input + ".links[" + i + "]", URL_MESSAGE));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  private GuestFieldRules() {}
}
