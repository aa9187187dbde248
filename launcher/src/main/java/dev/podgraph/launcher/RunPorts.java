package dev.podgraph.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The ports the system listens on: each service's public port (GraphQL) and its management port
 * (health and metrics, docs/CONVENTIONS.md). The run command uses the documented ones unless
 * PODGRAPH_*_PORT says otherwise; tests and benchmarks take free ones.
 */
public record RunPorts(
    int gateway,
    int catalog,
    int guest,
    int gatewayManagement,
    int catalogManagement,
    int guestManagement) {

  public static RunPorts fromEnvironment() {
    return new RunPorts(
        port("PODGRAPH_GATEWAY_PORT", 8080),
        port("PODGRAPH_CATALOG_PORT", 8081),
        port("PODGRAPH_GUEST_PORT", 8082),
        port("PODGRAPH_GATEWAY_MANAGEMENT_PORT", 9080),
        port("PODGRAPH_CATALOG_MANAGEMENT_PORT", 9081),
        port("PODGRAPH_GUEST_MANAGEMENT_PORT", 9082));
  }

  /** Six ports nothing listens on now, for a system beside others (tests, benchmarks). */
  public static RunPorts free() {
    return new RunPorts(freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
  }

  /** The management port of the service with this public port. */
  int managementFor(int port) {
    if (port == gateway) {
      return gatewayManagement;
    }
    if (port == catalog) {
      return catalogManagement;
    }
    if (port == guest) {
      return guestManagement;
    }
    throw new IllegalArgumentException("no service listens on " + port);
  }

  void requireFree() {
    for (int port :
        new int[] {
          gateway, catalog, guest, gatewayManagement, catalogManagement, guestManagement
        }) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
        throw new IllegalStateException(
            "Port "
                + port
                + " is already in use (another Podgraph still running?). Stop it, or choose"
                + " other ports with PODGRAPH_GATEWAY_PORT, PODGRAPH_CATALOG_PORT,"
                + " PODGRAPH_GUEST_PORT and PODGRAPH_*_MANAGEMENT_PORT.");
      } catch (IOException free) {
        // Nothing listens there: good.
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int port(String variable, int fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
