package dev.podgraph.guest;

import dev.podgraph.devinfra.PodgraphInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The one Quarkus boot the test classes share: a freshly recreated guest_test database and Redis
 * logical database 2, on the machine's servers or embedded ones. Test resources are global, so
 * declaring it here is enough.
 */
@QuarkusTestResource(
    value = PodgraphInfraResource.class,
    initArgs = {
      @ResourceArg(name = "database", value = "guest_test"),
      @ResourceArg(name = "redisDatabase", value = "2")
    })
public final class GuestTestInfra {
  private GuestTestInfra() {}
}
