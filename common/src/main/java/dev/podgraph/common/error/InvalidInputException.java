package dev.podgraph.common.error;

import dev.podgraph.rules.ErrorCode;
import java.util.List;
import java.util.stream.Collectors;

/** BAD_USER_INPUT: Bean Validation failures and business rules the client can fix. */
@io.smallrye.graphql.api.ErrorCode("BAD_USER_INPUT")
public class InvalidInputException extends PodgraphException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldViolation> violations;

  public InvalidInputException(String message) {
    super(ErrorCode.BAD_USER_INPUT, message);
    this.violations = List.of();
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldViolation(field, message)));
  }

  public InvalidInputException(List<FieldViolation> violations) {
    super(ErrorCode.BAD_USER_INPUT, describe(violations));
    this.violations = List.copyOf(violations);
  }

  /** The fields at fault, in a stable order; empty when the rule is not about one field. */
  public List<FieldViolation> violations() {
    return violations;
  }

  private static String describe(List<FieldViolation> violations) {
    return "Invalid input: "
        + violations.stream()
            .map(v -> v.field() + " " + v.message())
            .collect(Collectors.joining("; "));
  }
}
