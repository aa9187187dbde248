package dev.podgraph.composition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line: {@code ComposeMain name=url=path.graphql ...} prints the supergraph SDL to stdout,
 * or the composition errors to stderr and exits with 1 (2 for bad arguments).
 */
public final class ComposeMain {
  private ComposeMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The exit code; separate from {@link #main} so tests can run it without exiting. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println("usage: ComposeMain name=url=path.graphql ...");
      return 2;
    }
    List<SubgraphSdl> subgraphs = new ArrayList<>();
    for (String arg : args) {
      // The URL may itself contain '=' (query strings): name ends at the first '=', path starts
      // after the last one.
      int first = arg.indexOf('=');
      int last = arg.lastIndexOf('=');
      if (first <= 0 || first == last) {
        err.println("expected name=url=path.graphql, got: " + arg);
        return 2;
      }
      Path path = Path.of(arg.substring(last + 1));
      try {
        subgraphs.add(
            new SubgraphSdl(
                arg.substring(0, first),
                arg.substring(first + 1, last),
                Files.readString(path, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        err.println("cannot read " + path + ": " + e.getMessage());
        return 2;
      }
    }
    CompositionResult result = Composer.compose(subgraphs);
    if (result.isSuccess()) {
      out.print(result.supergraphSdl().orElseThrow());
      return 0;
    }
    result.errors().forEach(e -> err.println(e.code() + ": " + e.message()));
    return 1;
  }
}
