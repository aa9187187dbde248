package dev.podgraph.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** The ports the run command uses: the documented ones unless PODGRAPH_*_PORT says otherwise. */
public record RunPorts(int gateway, int catalog, int guest) {

  public static RunPorts fromEnvironment() {
    return new RunPorts(
        port("PODGRAPH_GATEWAY_PORT", 8080),
        port("PODGRAPH_CATALOG_PORT", 8081),
        port("PODGRAPH_GUEST_PORT", 8082));
  }

  void requireFree() {
    for (int port : new int[] {gateway, catalog, guest}) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
        throw new IllegalStateException(
            "Port "
                + port
                + " is already in use (another Podgraph still running?). Stop it, or choose"
                + " other ports with PODGRAPH_GATEWAY_PORT, PODGRAPH_CATALOG_PORT,"
                + " PODGRAPH_GUEST_PORT.");
      } catch (IOException free) {
        // Nothing listens there: good.
      }
    }
  }

  private static int port(String variable, int fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
