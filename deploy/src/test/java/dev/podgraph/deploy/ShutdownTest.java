package dev.podgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rollout never cuts a request off: every service drains (readiness DOWN for a delay, then the
 * requests in flight may finish), and Kubernetes waits longer than both before it kills the pod.
 */
class ShutdownTest {

  @ParameterizedTest(name = "{0}/overlays/{1}")
  @MethodSource("dev.podgraph.deploy.Overlays#all")
  void theGracePeriodCoversTheDrainDelayAndTheRequestsInFlight(String service, String env) {
    RenderedOverlay overlay = Overlays.of(service, env);
    Container app = Overlays.serviceContainer(overlay);
    Duration delay =
        Duration.parse("PT" + Overlays.envValue(overlay, app, "QUARKUS_SHUTDOWN_DELAY"));
    Duration timeout =
        Duration.parse("PT" + Overlays.envValue(overlay, app, "QUARKUS_SHUTDOWN_TIMEOUT"));
    assertTrue(
        delay.compareTo(Duration.ofSeconds(3)) >= 0,
        overlay + ": endpoints need a few seconds to drop a terminating pod: " + delay);
    assertTrue(timeout.isPositive(), overlay + ": requests in flight get no time to finish");
    PodTemplateSpec pod = overlay.podTemplates().get(service);
    Long grace = pod.getSpec().getTerminationGracePeriodSeconds();
    assertNotNull(grace, overlay + ": terminationGracePeriodSeconds left to the default");
    assertTrue(
        Duration.ofSeconds(grace).compareTo(delay.plus(timeout).plusSeconds(5)) >= 0,
        overlay + ": grace " + grace + " s does not cover " + delay + " + " + timeout + " + exit");
  }
}
