package dev.podgraph.common.error;

import io.smallrye.graphql.api.ErrorExtensionProvider;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.jboss.logging.Logger;

/**
 * {@code extensions.code} for any exception SmallRye GraphQL reports. Exceptions that went through
 * {@link TranslateErrors} get the same value from SmallRye's own provider (their
 * {@code @ErrorCode}); this one also codes anything that bypassed the interceptor, INTERNAL if
 * unrecognised, and logs such an unexpected one (SmallRye's own logging of resolver exceptions is
 * off, so that client mistakes cost no ERROR line and stack trace).
 */
public class ErrorCodeExtensionProvider implements ErrorExtensionProvider {
  private static final Logger LOG = Logger.getLogger(ErrorCodeExtensionProvider.class);

  @Override
  public String getKey() {
    return "code";
  }

  @Override
  public JsonValue mapValueFrom(Throwable exception) {
    if (ErrorTranslator.isUnexpected(exception)) {
      LOG.error("Unexpected failure outside a translated resolver", exception);
    }
    return Json.createValue(ErrorTranslator.codeOf(exception).name());
  }
}
