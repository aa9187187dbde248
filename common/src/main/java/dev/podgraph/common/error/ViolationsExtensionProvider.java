package dev.podgraph.common.error;

import io.smallrye.graphql.api.ErrorExtensionProvider;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;

/**
 * {@code extensions.violations}: {@code [{field, message}]} for BAD_USER_INPUT errors about fields,
 * so a form can show each message beside its input. Absent for every other error.
 */
public class ViolationsExtensionProvider implements ErrorExtensionProvider {
  @Override
  public String getKey() {
    return "violations";
  }

  @Override
  public JsonValue mapValueFrom(Throwable exception) {
    if (!(exception instanceof InvalidInputException invalid) || invalid.violations().isEmpty()) {
      return null;
    }
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (FieldViolation v : invalid.violations()) {
      array.add(Json.createObjectBuilder().add("field", v.field()).add("message", v.message()));
    }
    return array.build();
  }
}
