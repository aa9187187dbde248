package dev.podgraph.common.error;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Outermost interceptor of the GraphQL API classes. Its priority is below Quarkus Security's
 * (PLATFORM_BEFORE + 150), Narayana's {@code @Transactional} (+200) and Hibernate Validator's
 * method validation, so it sees their exceptions (UnauthorizedException, commit-time optimistic
 * lock failures, ConstraintViolationException) too.
 */
@TranslateErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ErrorTranslatingInterceptor {

  @AroundInvoke
  Object translate(InvocationContext context) throws Exception {
    try {
      return context.proceed();
    } catch (Exception e) {
      throw ErrorTranslator.translate(e);
    }
  }
}
