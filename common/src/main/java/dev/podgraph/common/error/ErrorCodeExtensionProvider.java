package dev.podgraph.common.error;

import io.smallrye.graphql.api.ErrorExtensionProvider;
import jakarta.json.Json;
import jakarta.json.JsonValue;

/**
 * {@code extensions.code} for any exception SmallRye GraphQL reports. Exceptions that went through
 * {@link TranslateErrors} get the same value from SmallRye's own provider (their
 * {@code @ErrorCode}); this one also codes anything that bypassed the interceptor, INTERNAL if
 * unrecognised.
 */
public class ErrorCodeExtensionProvider implements ErrorExtensionProvider {
  @Override
  public String getKey() {
    return "code";
  }

  @Override
  public JsonValue mapValueFrom(Throwable exception) {
    return Json.createValue(ErrorTranslator.codeOf(exception).name());
  }
}
