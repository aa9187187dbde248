package dev.podgraph.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTest {
  private static final Map<String, String> ON = Map.of("PODGRAPH_AOT_CACHE", "true");

  @TempDir Path app;

  @Test
  void usesACacheWrittenAfterTheJars() throws Exception {
    Path jar =
        packaged(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:01:00Z"));
    assertEquals(
        List.of("-XX:AOTCache=" + app.resolve("app.aot")), StartupCache.jvmOptions(jar, ON));
  }

  @Test
  void ignoresACacheOlderThanARebuiltJar() throws Exception {
    Path jar =
        packaged(Instant.parse("2026-12-01T10:02:00Z"), Instant.parse("2026-12-01T10:01:00Z"));
    assertEquals(List.of(), StartupCache.jvmOptions(jar, ON));
  }

  @Test
  void startsWithoutACacheWhenThereIsNone() throws Exception {
    Path jar = packaged(Instant.parse("2026-12-01T10:00:00Z"), null);
    assertEquals(List.of(), StartupCache.jvmOptions(jar, ON));
  }

  @Test
  void isOffUnlessTheSettingTurnsItOn() throws Exception {
    Path jar =
        packaged(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:01:00Z"));
    assertEquals(List.of(), StartupCache.jvmOptions(jar, Map.of("PODGRAPH_AOT_CACHE", "false")));
    if (System.getenv("PODGRAPH_AOT_CACHE") == null) {
      assertEquals(List.of(), StartupCache.jvmOptions(jar, Map.of()));
    }
  }

  /** A quarkus-app folder with its jars written at {@code jars} and a cache at {@code cache}. */
  private Path packaged(Instant jars, Instant cache) throws Exception {
    Path run = Files.writeString(app.resolve("quarkus-run.jar"), "run");
    Path lib =
        Files.writeString(Files.createDirectories(app.resolve("app")).resolve("svc.jar"), "x");
    Files.setLastModifiedTime(run, FileTime.from(jars));
    Files.setLastModifiedTime(lib, FileTime.from(jars));
    if (cache != null) {
      Files.setLastModifiedTime(
          Files.writeString(app.resolve("app.aot"), "aot"), FileTime.from(cache));
    }
    return run;
  }
}
