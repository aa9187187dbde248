package dev.podgraph.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {
  @Test
  void countsAtLeastTheCpuTimeOneOfItsThreadsSpent() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long self = ProcessHandle.current().pid();
    double before = ProcessCpu.millis(self);
    long threadStart = threads.getCurrentThreadCpuTime();
    long sink = 0;
    while (threads.getCurrentThreadCpuTime() - threadStart < 200_000_000L) {
      sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
    }
    double spent = ProcessCpu.millis(self) - before;
    // /proc counts in clock ticks (10 ms): allow two of them.
    assertTrue(spent >= 180, "CPU ms counted: " + spent + " (sink " + sink + ")");
  }
}
