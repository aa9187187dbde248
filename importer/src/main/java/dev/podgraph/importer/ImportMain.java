package dev.podgraph.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.importer.client.DryRunApi;
import dev.podgraph.importer.client.GatewayApi;
import dev.podgraph.importer.client.GraphQLClient;
import dev.podgraph.importer.client.ImportReport;
import dev.podgraph.importer.client.ImportRun;
import dev.podgraph.importer.client.PodgraphApi;
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
 * {@code ImportMain [file-or-folder] [--gateway URL] [--token JWT] [--draft] [--dry-run]
 * [--parallel N]}: imports show notes through the gateway as an editor. Without a path it imports
 * the project's own copy of the seed notes. New episodes are published unless {@code --draft} is
 * given. The token may also come from {@code PODGRAPH_TOKEN}. {@code --dry-run} reads the catalog
 * and reports what would change without writing. Exit status: 0 all documents imported or
 * unchanged, 1 some failed, 2 bad arguments.
 */
public final class ImportMain {
  public static final String DEFAULT_GATEWAY = "http://localhost:8080/graphql";
  public static final String USAGE =
      "usage: ImportMain [file-or-folder] [--gateway "
          + DEFAULT_GATEWAY
          + "] [--token JWT] [--draft] [--dry-run] [--parallel N]";
  public static final String SEED_RESOURCE = "/seeds/000_2cd4391fef5e7f85.txt";

  private ImportMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.getenv("PODGRAPH_TOKEN"), out, err);
  }

  /**
   * Runs the command with {@code token} as the token when no {@code --token} is given (the run
   * command's import profile passes a development token here).
   */
  public static int run(String[] args, String token, PrintStream out, PrintStream err) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args, token);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    List<Source> sources;
    try {
      sources = arguments.path() == null ? List.of(seed()) : sources(arguments.path());
    } catch (IOException | UncheckedIOException e) {
      err.println("cannot read " + arguments.path() + ": " + e.getMessage());
      return 2;
    }
    out.println(
        (arguments.dryRun() ? "Dry run (nothing is written): " : "Importing ")
            + sources.size()
            + " document(s) through "
            + arguments.gateway());
    long started = System.nanoTime();
    ImportReport report =
        importAll(
            sources,
            arguments.gateway(),
            arguments.token(),
            new Options(!arguments.draft(), arguments.dryRun(), arguments.parallel()),
            out);
    report.summary().forEach(out::println);
    out.printf(
        java.util.Locale.ROOT,
        "%s in %.1f s%n",
        arguments.dryRun() ? "Dry run, nothing written," : "Done",
        (System.nanoTime() - started) / 1e9);
    return report.failures().isEmpty() ? 0 : 1;
  }

  /**
   * How to import.
   *
   * @param publishNew publish the episodes the import creates
   * @param dryRun read only: report what would change
   * @param parallel documents written at the same time
   */
  public record Options(boolean publishNew, boolean dryRun, int parallel) {
    public static final Options DEFAULT = new Options(true, false, ImportRun.DEFAULT_PARALLELISM);
  }

  /**
   * For the run command: imports {@code sources}, printing progress lines and returning the report.
   */
  public static ImportReport importAll(
      List<Source> sources, URI gateway, String token, boolean publishNew, PrintStream out) {
    return importAll(
        sources,
        gateway,
        token,
        new Options(publishNew, false, ImportRun.DEFAULT_PARALLELISM),
        out);
  }

  /** Imports {@code sources} (or, with {@code dryRun}, reports what importing them would do). */
  public static ImportReport importAll(
      List<Source> sources, URI gateway, String token, Options options, PrintStream out) {
    ObjectMapper json = new ObjectMapper();
    PodgraphApi api = new GatewayApi(new GraphQLClient(gateway, token, json));
    if (options.dryRun()) {
      api = new DryRunApi(api);
    }
    return new ImportRun(api, json, options.publishNew(), options.parallel())
        .run(sources, out::println);
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

  record Arguments(
      Path path, URI gateway, String token, boolean draft, boolean dryRun, int parallel) {
    static Arguments parse(String[] args, String tokenFromEnvironment) {
      Path path = null;
      URI gateway = URI.create(DEFAULT_GATEWAY);
      String token = tokenFromEnvironment;
      boolean draft = false;
      boolean dryRun = false;
      int parallel = ImportRun.DEFAULT_PARALLELISM;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--gateway" -> gateway = URI.create(value(args, ++i, "--gateway"));
          case "--token" -> token = value(args, ++i, "--token");
          case "--draft" -> draft = true;
          case "--dry-run" -> dryRun = true;
          case "--parallel" -> parallel = positive(value(args, ++i, "--parallel"));
          default -> {
            if (args[i].startsWith("--") || path != null) {
              throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            path = Path.of(args[i]);
          }
        }
      }
      return new Arguments(path, gateway, token, draft, dryRun, parallel);
    }

    private static int positive(String value) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 1 && n <= 32) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("--parallel needs a number from 1 to 32, not " + value);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }
}
