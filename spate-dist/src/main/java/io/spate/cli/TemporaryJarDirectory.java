package io.spate.cli;

import io.spate.runtime.FileTrees;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of a JobManager's uploaded jars when {@code jobmanager.jar-dir} is unset:
 * {@code spate-jars-<pid>-<random>} under {@code java.io.tmpdir}. The JobManager deletes it when it
 * stops; one that was killed cannot, so each JobManager that starts deletes the directories whose
 * process has ended.
 */
final class TemporaryJarDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(TemporaryJarDirectory.class);
  private static final String PREFIX = "spate-jars-";

  private TemporaryJarDirectory() {}

  /** Deletes the jar directories of ended JobManagers under {@code parent} and creates this process's. */
  static Path create(Path parent) throws IOException {
    deleteThoseOfEndedProcesses(parent);
    return Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
  }

  private static void deleteThoseOfEndedProcesses(Path parent) throws IOException {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
      for (Path dir : dirs) {
        long pid = ownerPid(dir.getFileName().toString());
        if (pid > 0 && ProcessHandle.of(pid).isEmpty() && Files.isDirectory(dir)) {
          try {
            FileTrees.delete(dir);
            LOG.info("Deleted {}, the uploaded jars of a JobManager (pid {}) that ended without deleting them", dir, pid);
          } catch (IOException e) {
            LOG.warn("Cannot delete {}, the uploaded jars of a JobManager (pid {}) that has ended", dir, pid, e);
          }
        }
      }
    }
  }

  /** The process id in {@code spate-jars-<pid>-<random>}, or -1 for a name of another form. */
  private static long ownerPid(String name) {
    int end = name.indexOf('-', PREFIX.length());
    if (end <= PREFIX.length()) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(PREFIX.length(), end));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
