package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.cluster.ClusterProcessOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the cluster commands find the configuration file and keep the JobManager's pid, address and
 * log files: under Spate's directory ({@code SPATE_HOME}, which the {@code spate} script sets, else
 * the working directory).
 */
final class ClusterFiles {

  private final Path logDir;

  private ClusterFiles(Path logDir) {
    this.logDir = logDir;
  }

  /** The files of the cluster that {@code conf} describes. */
  static ClusterFiles of(Configuration conf) {
    return new ClusterFiles(home().resolve(conf.get(ClusterProcessOptions.LOG_DIR)).toAbsolutePath().normalize());
  }

  /** Spate's directory. */
  static Path home() {
    String home = System.getenv("SPATE_HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("spate.home", "");
    }
    return (home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
  }

  /** The configuration file given, or {@code conf/spate.yaml} under Spate's directory if it exists, or null. */
  static Path configFile(Path given) {
    if (given != null) {
      return given.toAbsolutePath().normalize();
    }
    Path standard = home().resolve("conf").resolve("spate.yaml");
    return Files.isRegularFile(standard) ? standard : null;
  }

  Path logDir() {
    return logDir;
  }

  Path pidFile() {
    return logDir.resolve("spate-jobmanager.pid");
  }

  Path addressFile() {
    return logDir.resolve("spate-jobmanager.address");
  }

  Path logFile() {
    return logDir.resolve("spate-jobmanager.log");
  }

  /** The pid in the pid file, if there is one; a malformed file counts as none. */
  Optional<Long> pid() {
    return read(pidFile()).flatMap(text -> {
      try {
        return Optional.of(Long.parseLong(text));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  /** The REST address in the address file, such as {@code 127.0.0.1:8081}. */
  Optional<String> address() {
    return read(addressFile());
  }

  /** Removes the pid and address files. */
  void clear() throws IOException {
    Files.deleteIfExists(pidFile());
    Files.deleteIfExists(addressFile());
  }

  private static Optional<String> read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
