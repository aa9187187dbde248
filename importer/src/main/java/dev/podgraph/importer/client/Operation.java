package dev.podgraph.importer.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named GraphQL document kept as a resource file ({@code /graphql/<Name>.graphql}), so the
 * operations are reviewed as GraphQL rather than as Java strings.
 */
public record Operation(String name, String document) {
  private static final Pattern OPERATION_NAME = Pattern.compile("\\b(?:query|mutation)\\s+(\\w+)");

  public static Operation load(String name) {
    String resource = "/graphql/" + name + ".graphql";
    try (InputStream in = Operation.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing GraphQL document " + resource);
      }
      String document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = OPERATION_NAME.matcher(document);
      if (!m.find() || !m.group(1).equals(name)) {
        throw new IllegalStateException(resource + " must define the operation " + name);
      }
      return new Operation(name, document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
