package dev.podgraph.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of a process and its descendants, read from Linux's {@code
 * /proc/<pid>/stat}: what a gateway spent, whatever language it is written in and however many
 * worker processes it forks.
 */
final class ProcessCpu {
  private static final long TICKS_PER_SECOND = ticksPerSecond();

  private ProcessCpu() {}

  /** Milliseconds of CPU the process and its living descendants have used so far. */
  static double millis(long pid) {
    ProcessHandle root =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(pid + " is gone"));
    long ticks =
        Stream.concat(Stream.of(root), root.descendants()).mapToLong(p -> ticks(p.pid())).sum();
    return ticks * 1000.0 / TICKS_PER_SECOND;
  }

  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) is in parentheses and may hold spaces: count after it.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // Fields 14 (utime) and 15 (stime) of proc(5); field 3 is fields[0] here.
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException gone) {
      return 0; // exited between listing and reading: its time is lost either way
    }
  }

  private static long ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100; // USER_HZ on every Linux architecture the project runs on
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
