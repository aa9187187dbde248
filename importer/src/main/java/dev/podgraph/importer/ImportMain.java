package dev.podgraph.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.importer.client.GatewayApi;
import dev.podgraph.importer.client.GraphQLClient;
import dev.podgraph.importer.client.ImportReport;
import dev.podgraph.importer.client.ImportRun;
import dev.podgraph.importer.client.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ImportMain [file-or-folder] [--gateway URL] [--token JWT] [--draft]}: imports show notes
 * through the gateway as an editor. Without a path it imports the project's own copy of the seed
 * notes. New episodes are published unless {@code --draft} is given. The token may also come from
 * {@code PODGRAPH_TOKEN}. Exit status: 0 all documents imported or unchanged, 1 some failed, 2 bad
 * arguments.
 */
public final class ImportMain {
  public static final String DEFAULT_GATEWAY = "http://localhost:8080/graphql";
  public static final String SEED_RESOURCE = "/seeds/000_2cd4391fef5e7f85.txt";

  private ImportMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args, System.getenv("PODGRAPH_TOKEN"));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(
          "usage: ImportMain [file-or-folder] [--gateway "
              + DEFAULT_GATEWAY
              + "] [--token JWT] [--draft]");
      return 2;
    }
    List<Source> sources;
    try {
      sources = arguments.path() == null ? List.of(seed()) : sources(arguments.path());
    } catch (IOException | UncheckedIOException e) {
      err.println("cannot read " + arguments.path() + ": " + e.getMessage());
      return 2;
    }
    out.println("Importing " + sources.size() + " document(s) through " + arguments.gateway());
    ImportReport report =
        importAll(sources, arguments.gateway(), arguments.token(), !arguments.draft(), out);
    report.summary().forEach(out::println);
    return report.failures().isEmpty() ? 0 : 1;
  }

  /**
   * For the run command: imports {@code sources}, printing progress lines and returning the report.
   */
  public static ImportReport importAll(
      List<Source> sources, URI gateway, String token, boolean publishNew, PrintStream out) {
    ObjectMapper json = new ObjectMapper();
    GatewayApi api = new GatewayApi(new GraphQLClient(gateway, token, json));
    return new ImportRun(api, json, publishNew).run(sources, out::println);
  }

  /** The project's default data: its copy of the seed show notes. */
  public static Source seed() {
    try (InputStream in = ImportMain.class.getResourceAsStream(SEED_RESOURCE)) {
      return new Source(
          Path.of(SEED_RESOURCE).getFileName().toString(),
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file, or the regular non-hidden files of a folder (not its subfolders) in name order. */
  public static List<Source> sources(Path path) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> listing = Files.list(path)) {
        listing
            .filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().startsWith("."))
            .sorted()
            .forEach(files::add);
      }
    } else {
      files.add(path);
    }
    List<Source> sources = new ArrayList<>();
    for (Path file : files) {
      sources.add(
          new Source(
              file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
    }
    return sources;
  }

  record Arguments(Path path, URI gateway, String token, boolean draft) {
    static Arguments parse(String[] args, String tokenFromEnvironment) {
      Path path = null;
      URI gateway = URI.create(DEFAULT_GATEWAY);
      String token = tokenFromEnvironment;
      boolean draft = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--gateway" -> gateway = URI.create(value(args, ++i, "--gateway"));
          case "--token" -> token = value(args, ++i, "--token");
          case "--draft" -> draft = true;
          default -> {
            if (args[i].startsWith("--") || path != null) {
              throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            path = Path.of(args[i]);
          }
        }
      }
      return new Arguments(path, gateway, token, draft);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }
}
