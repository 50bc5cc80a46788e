package io.spate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The JobManager or TaskManager process that a pid file names, if it still runs and is one of Spate's. */
final class JobManagerProcess {

  private JobManagerProcess() {}

  /**
   * The live process of {@code pid}; empty when it is gone or when its command line shows that the pid
   * now belongs to another program.
   */
  static Optional<ProcessHandle> find(long pid) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> runs(p, "jobmanager"));
  }

  /** Like {@link #find}, for a process that runs {@code spate taskmanager}. */
  static Optional<ProcessHandle> findTaskManager(long pid) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> runs(p, "taskmanager"));
  }

  /**
   * Whether the process runs {@code spate <command>}. Linux's /proc holds the whole command line
   * (ProcessHandle.Info cuts a long class path short); elsewhere a live process is given the benefit
   * of the doubt.
   */
  private static boolean runs(ProcessHandle process, String command) {
    Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
    if (Files.isReadable(cmdline)) {
      try {
        String line = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
        return line.contains(SpateCli.class.getName()) && line.contains(" " + command + " ");
      } catch (IOException e) {
        return true;
      }
    }
    return true;
  }
}
