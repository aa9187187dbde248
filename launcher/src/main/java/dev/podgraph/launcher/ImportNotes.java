package dev.podgraph.launcher;

import dev.podgraph.devinfra.DevTokens;
import dev.podgraph.importer.ImportMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The short import command, {@code ./mvnw -Pimport -Dnotes=path/to/notes [-Ddry-run]}: imports a
 * file or folder of show notes through the running gateway. The token is {@code PODGRAPH_TOKEN}
 * when set (production: a token from the real issuer); otherwise, in development, an editor token
 * minted from the development key. The gateway is {@code -Dgateway=URL}, else {@code
 * PODGRAPH_GATEWAY_URL}, else the run command's ({@code PODGRAPH_GATEWAY_PORT}, default 8080).
 * Further importer options go in {@code -Dimport.args="--parallel 8 --draft"}. Exits with the
 * importer's status: 0 all imported or unchanged, 1 a document failed, 2 bad arguments.
 */
public final class ImportNotes {
  private ImportNotes() {}

  public static void main(String[] args) {
    int status = run(System.getenv("PODGRAPH_TOKEN"));
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String tokenFromEnvironment) {
    List<String> arguments = new ArrayList<>();
    String notes = System.getProperty("notes", "").strip();
    if (!notes.isEmpty()) {
      // Relative to where the editor typed the command (Maven runs this in its own process).
      arguments.add(Path.of(notes).toAbsolutePath().normalize().toString());
    }
    arguments.add("--gateway");
    arguments.add(gateway());
    String dryRun = System.getProperty("dry-run");
    if (dryRun != null && !dryRun.equalsIgnoreCase("false")) {
      arguments.add("--dry-run");
    }
    String extra = System.getProperty("import.args", "").strip();
    if (!extra.isEmpty()) {
      arguments.addAll(List.of(extra.split("\\s+")));
    }
    String token = tokenFromEnvironment;
    if (token == null || token.isBlank()) {
      System.out.println(
          "No PODGRAPH_TOKEN: using an editor token minted from the development key");
      token = DevTokens.editor();
    }
    return ImportMain.run(arguments.toArray(String[]::new), token, System.out, System.err);
  }

  private static String gateway() {
    String property = System.getProperty("gateway", "").strip();
    if (!property.isEmpty()) {
      return property;
    }
    String environment = System.getenv("PODGRAPH_GATEWAY_URL");
    if (environment != null && !environment.isBlank()) {
      return environment.strip();
    }
    return "http://localhost:" + RunPorts.fromEnvironment().gateway() + "/graphql";
  }
}
