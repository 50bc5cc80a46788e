package io.spate.cli;

import java.util.Optional;

/** The JobManager process that a pid file names, if it still runs and is a Spate JobManager. */
final class JobManagerProcess {

  private JobManagerProcess() {}

  /**
   * The live process of {@code pid}; empty when it is gone or when its command line shows that the pid
   * now belongs to another program.
   */
  static Optional<ProcessHandle> find(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    return handle.filter(process -> process.info().commandLine()
        .map(line -> line.contains("jobmanager"))
        .orElse(true));
  }
}
