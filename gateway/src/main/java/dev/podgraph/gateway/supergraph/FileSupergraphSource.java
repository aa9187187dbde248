package dev.podgraph.gateway.supergraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the supergraph from a file. Read whole on every call, so a Kubernetes ConfigMap update (a
 * symlink swap) is seen as one consistent text.
 */
public final class FileSupergraphSource implements SupergraphSource {

  private final Path path;

  public FileSupergraphSource(Path path) {
    this.path = path;
  }

  @Override
  public String load() {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidSupergraphException(
          "cannot read supergraph file " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "file " + path;
  }
}
