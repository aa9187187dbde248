package dev.podgraph.common.error;

import dev.podgraph.common.input.InputGuard;
import dev.podgraph.common.input.InputLimits;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Outermost interceptor of the GraphQL API classes. Its priority is below Quarkus Security's
 * (PLATFORM_BEFORE + 150), Narayana's {@code @Transactional} (+200) and Hibernate Validator's
 * method validation, so it sees their exceptions (UnauthorizedException, commit-time optimistic
 * lock failures, ConstraintViolationException) too. Before the resolver runs it applies {@link
 * InputGuard} (representation limit, NUL characters), so refused input costs no database or cache
 * work.
 */
@TranslateErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ErrorTranslatingInterceptor {

  @Inject InputLimits limits;

  @AroundInvoke
  Object translate(InvocationContext context) throws Exception {
    try {
      InputGuard.check(context.getMethod(), context.getParameters(), limits.maxRepresentations());
      return context.proceed();
    } catch (Exception e) {
      throw ErrorTranslator.translate(e);
    }
  }
}
