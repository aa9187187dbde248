package dev.podgraph.common.auth;

import dev.podgraph.rules.ErrorCode;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bearer token that fails verification (bad signature, wrong issuer, expired) is refused before
 * GraphQL runs; without this handler the client gets a bare 401. With it the 401 carries a GraphQL
 * error coded {@code UNAUTHENTICATED}, like every other error of the service.
 */
@ApplicationScoped
public class AuthFailureResponder {

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::respond);
  }

  void respond(RoutingContext context) {
    Throwable failure = context.failure();
    if (!(failure instanceof AuthenticationFailedException
        || failure instanceof AuthenticationCompletionException)) {
      context.next();
      return;
    }
    if (context.response().ended()) {
      return;
    }
    JsonObject error =
        new JsonObject()
            .put("message", "The bearer token could not be verified")
            .put("extensions", new JsonObject().put("code", ErrorCode.UNAUTHENTICATED.name()));
    context
        .response()
        .setStatusCode(401)
        .putHeader("Content-Type", "application/json")
        .putHeader("WWW-Authenticate", "Bearer")
        .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
  }
}
