package dev.podgraph.gateway.http;

import dev.podgraph.gateway.config.GatewayRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a supergraph is being served. */
@Readiness
@ApplicationScoped
public class SupergraphReadiness implements HealthCheck {

  private final GatewayRuntime runtime;

  public SupergraphReadiness(GatewayRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public HealthCheckResponse call() {
    ServingState state = runtime.current();
    return HealthCheckResponse.named("supergraph")
        .status(state != null)
        .withData("subgraphs", state == null ? 0 : state.schema().supergraph().subgraphs().size())
        .build();
  }
}
