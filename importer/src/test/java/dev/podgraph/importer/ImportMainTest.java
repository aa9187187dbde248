package dev.podgraph.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: arguments, exit status and what it prints (no server needed for these). */
class ImportMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ImportMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertEquals(2, run("--gatway", "http://x"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: ImportMain"));
  }

  @Test
  void aParallelismOutsideOneToThirtyTwoIsAUsageError() {
    assertEquals(2, run("--parallel", "0"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("--parallel needs a number from 1 to 32"));
  }

  @Test
  void aDryRunSaysSoAndStillExitsOneWhenADocumentFails(@TempDir Path folder) throws Exception {
    java.nio.file.Files.writeString(folder.resolve("junk.txt"), "Dear diary\n");

    int status = run(folder.toString(), "--dry-run", "--gateway", "http://127.0.0.1:9/graphql");

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(1, status);
    assertTrue(printed.startsWith("Dry run (nothing is written): 1 document(s)"), printed);
    assertTrue(printed.contains("Dry run, nothing written, in "), printed);
  }

  @Test
  void anOptionWithoutItsValueIsAUsageError() {
    assertEquals(2, run("--token"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--token needs a value"));
  }

  @Test
  void aFolderIsReadFileByFileInNameOrderSkippingHiddenFiles(@TempDir Path folder)
      throws Exception {
    Files.writeString(folder.resolve("b.txt"), "B - Episode 2\n\nSummary\n\nb\n");
    Files.writeString(folder.resolve("a.txt"), "not notes");
    Files.writeString(folder.resolve(".hidden"), "ignored");
    Files.createDirectory(folder.resolve("sub"));

    assertEquals(
        java.util.List.of("a.txt", "b.txt"),
        ImportMain.sources(folder).stream().map(s -> s.name()).toList());
  }

  @Test
  void failedDocumentsMakeTheExitStatusOne(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("junk.txt"), "Nothing to see here.");

    int status = run(folder.toString(), "--gateway", "http://127.0.0.1:9/graphql");

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(1, status);
    assertTrue(printed.contains("junk.txt: failed: not show notes"), printed);
    assertTrue(
        printed.contains("Summary: 0 imported, 0 unchanged, 1 failed (1 documents)"), printed);
  }
}
