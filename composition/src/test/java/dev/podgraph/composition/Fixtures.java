package dev.podgraph.composition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The composition fixtures under {@code src/test/resources/fixtures/<case>/}: one {@code
 * <subgraph>.graphql} per subgraph (composed in file-name order) and {@code expect.txt} holding
 * {@code ok} or the Apollo error code the case must fail with.
 */
record Fixtures(String name, Path dir, List<Path> files, String expected) {
  static final Path ROOT = Path.of("src/test/resources/fixtures");

  static List<Fixtures> all() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).sorted().map(Fixtures::load).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Fixtures named(String name) {
    return load(ROOT.resolve(name));
  }

  private static Fixtures load(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sdls = files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
      String expected = Files.readString(dir.resolve("expect.txt"), StandardCharsets.UTF_8).trim();
      return new Fixtures(dir.getFileName().toString(), dir, sdls, expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean expectsSuccess() {
    return expected.equals("ok");
  }

  static String subgraphName(Path file) {
    String f = file.getFileName().toString();
    return f.substring(0, f.length() - ".graphql".length());
  }

  static String url(String subgraph) {
    return "http://" + subgraph + ":4000/graphql";
  }

  List<SubgraphSdl> subgraphs() {
    return files.stream()
        .map(
            f -> {
              try {
                String n = subgraphName(f);
                return new SubgraphSdl(n, url(n), Files.readString(f, StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }

  /** {@code name=url=path} arguments, as ComposeMain and tools/compose-check take them. */
  List<String> cliArguments() {
    return files.stream()
        .map(f -> subgraphName(f) + "=" + url(subgraphName(f)) + "=" + f.toAbsolutePath())
        .toList();
  }

  CompositionResult compose() {
    return Composer.compose(subgraphs());
  }

  @Override
  public String toString() {
    return name;
  }
}
