package dev.podgraph.gateway.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what ordinary clients hide: a Content-Length that the body
 * never reaches, a chunked body that is never finished. Each answer must come within 5 s.
 */
final class RawHttp {

  /**
   * One answer; {@code closed}: the server closed the connection after it (within 5 s) instead of
   * waiting for the rest of a body it will not read.
   */
  record Answer(int status, Map<String, String> headers, String body, boolean closed) {
    Map<String, Object> json() throws IOException {
      return new ObjectMapper().readValue(body, new TypeReference<>() {});
    }

    @SuppressWarnings("unchecked")
    String firstErrorCode() throws IOException {
      var errors = (java.util.List<Map<String, Object>>) json().get("errors");
      return (String) ((Map<String, Object>) errors.getFirst().get("extensions")).get("code");
    }
  }

  private RawHttp() {}

  /**
   * Sends {@code head} (request line and headers, without the blank line) and then {@code body}
   * (whatever the headers promise or not), and reads one answer without closing the output first.
   */
  static Answer exchange(URL server, String head, byte[] body) throws IOException {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      try {
        out.write(body);
        out.flush();
      } catch (SocketException e) {
        // The server may answer and close before the rest is written; its answer is still read.
      }
      return read(socket.getInputStream());
    }
  }

  private static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    boolean closed;
    try {
      closed = in.read() < 0;
    } catch (java.net.SocketTimeoutException e) {
      closed = false;
    } catch (SocketException e) {
      closed = true; // reset
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), closed);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed before the answer was complete: " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
