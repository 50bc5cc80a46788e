package io.spate.bench.nexmark.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads this process's CPU time and peak resident memory, the resources a runner reports. */
public final class ProcessMeter {

  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcessMeter() {}

  /** The CPU time of all threads of this process so far, in nanoseconds; -1 if the JVM cannot tell. */
  public static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** The peak resident set size ({@code VmHWM}) in KiB; -1 where /proc is not available. */
  public static long peakRssKiB() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or an unexpected format: report unknown rather than fail the run
    }
    return -1;
  }
}
