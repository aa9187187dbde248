package dev.podgraph.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JVM AOT cache a service's build leaves beside its jar ({@code target/quarkus-app/app.aot},
 * made by Quarkus from a training run when the build ran on JDK 25+, see the root pom's {@code
 * aot-cache} profile): classes already loaded and linked, so the service starts sooner. Used only
 * when {@code PODGRAPH_AOT_CACHE=true} (in the launcher's or the service's environment), the file
 * exists and is newer than the jars, and the JVM that starts the service can read it. Off by
 * default: with it, {@code PodgraphSystemTest} saw the newest seeded episode missing from anonymous
 * pages (3 runs of 3; none without), which is not understood yet (README "Performance").
 */
public final class StartupCache {
  /** The first JDK that both writes (Quarkus, JEP 514) and reads AOT caches. */
  static final int FIRST_JDK = 25;

  static final String SETTING = "PODGRAPH_AOT_CACHE";

  private StartupCache() {}

  /** The cache file of the service packaged as {@code jar}, whether or not it exists. */
  public static Path fileFor(Path jar) {
    return jar.toAbsolutePath().getParent().resolve("app.aot");
  }

  /**
   * The JVM options that make the service's JVM use its cache; none when it cannot or should not.
   */
  static List<String> jvmOptions(Path jar, Map<String, String> env) {
    Path cache = fileFor(jar);
    if (!enabled(env)
        || Runtime.version().feature() < FIRST_JDK
        || !Files.isRegularFile(cache)
        || !newerThanTheJars(cache)) {
      return List.of();
    }
    // A cache from another JDK build is refused by the JVM with a warning in the service's log,
    // and the service starts without it.
    return List.of("-XX:AOTCache=" + cache);
  }

  /**
   * Quarkus writes the cache after the jars it was trained on. A later build without the cache
   * rewrites the jars, and the JVM checks little more than their sizes: a cache older than any of
   * them could hand out stale classes, so it is not used.
   */
  private static boolean newerThanTheJars(Path cache) {
    Path app = cache.getParent();
    try (Stream<Path> files = Files.walk(app)) {
      FileTime written = Files.getLastModifiedTime(cache);
      return files
          .filter(f -> f.toString().endsWith(".jar"))
          .allMatch(jar -> lastModified(jar).compareTo(written) <= 0);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static FileTime lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean enabled(Map<String, String> env) {
    String value = env.getOrDefault(SETTING, System.getenv(SETTING));
    return value != null && value.trim().equalsIgnoreCase("true");
  }
}
