package dev.podgraph.guest;

import dev.podgraph.devinfra.PodgraphInfraResource;
import dev.podgraph.guest.feed.CatalogFeedStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The one Quarkus boot the test classes share: a freshly recreated guest_test database and Redis
 * logical database 2, on the machine's servers or embedded ones, and catalog-service's change feed
 * served by the test ({@link CatalogFeedStub}) with the consumer reading it. Test resources are
 * global, so declaring them here is enough.
 */
@QuarkusTestResource(
    value = PodgraphInfraResource.class,
    initArgs = {
      @ResourceArg(name = "database", value = "guest_test"),
      @ResourceArg(name = "redisDatabase", value = "2")
    })
@QuarkusTestResource(CatalogFeedStub.class)
public final class GuestTestInfra {
  private GuestTestInfra() {}
}
