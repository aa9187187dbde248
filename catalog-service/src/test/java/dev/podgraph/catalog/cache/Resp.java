package dev.podgraph.catalog.cache;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A few Redis commands over a fresh socket, for a test that must talk to a Redis the service's own
 * (pooled, possibly stale) connections may not reach yet.
 */
final class Resp implements AutoCloseable {
  private final Socket socket = new Socket();
  private final OutputStream out;
  private final InputStream in;

  Resp(int port, int database) throws IOException {
    socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    socket.setSoTimeout(2000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream());
    command("SELECT", Integer.toString(database));
  }

  /** Sends a command; returns a simple or bulk string reply (null for a null bulk). */
  String command(String... parts) throws IOException {
    StringBuilder sb = new StringBuilder("*").append(parts.length).append("\r\n");
    for (String part : parts) {
      sb.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
      sb.append(part).append("\r\n");
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
    String line = line();
    switch (line.charAt(0)) {
      case '+', ':' -> {
        return line.substring(1);
      }
      case '$' -> {
        int length = Integer.parseInt(line.substring(1));
        if (length < 0) {
          return null;
        }
        byte[] data = in.readNBytes(length);
        line();
        return new String(data, StandardCharsets.UTF_8);
      }
      default -> throw new IOException("Unexpected Redis reply: " + line);
    }
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("Redis closed the connection");
      }
      if (b != '\r') {
        sb.append((char) b);
      }
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
