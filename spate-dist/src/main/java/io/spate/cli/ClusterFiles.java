package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.cluster.ClusterProcessOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  /** The cluster secret that {@code cluster start} makes when REST authentication is on and nothing else protects the internal connections. */
  Path secretFile() {
    return logDir.resolve("spate-cluster.secret");
  }

  /** Where the JobManager writes the host:port TaskManagers join. */
  Path rpcAddressFile() {
    return logDir.resolve("spate-jobmanager.rpc");
  }

  /** The pid file of TaskManager {@code index}. */
  Path taskManagerPidFile(int index) {
    return logDir.resolve("spate-taskmanager-" + index + ".pid");
  }

  /** The log file of TaskManager {@code index}. */
  Path taskManagerLogFile(int index) {
    return logDir.resolve("spate-taskmanager-" + index + ".log");
  }

  /** The pid file of standby JobManager {@code index} (from 1) of a highly available cluster. */
  Path standbyPidFile(int index) {
    return logDir.resolve("spate-jobmanager-" + index + ".pid");
  }

  /** The log file of standby JobManager {@code index} (from 1). */
  Path standbyLogFile(int index) {
    return logDir.resolve("spate-jobmanager-" + index + ".log");
  }

  /** The TaskManager pid files there are, by index. */
  java.util.SortedMap<Integer, Path> taskManagerPidFiles() throws IOException {
    return numberedPidFiles("spate-taskmanager-");
  }

  /** The pid files of standby JobManagers there are, by index. */
  java.util.SortedMap<Integer, Path> standbyPidFiles() throws IOException {
    return numberedPidFiles("spate-jobmanager-");
  }

  private java.util.SortedMap<Integer, Path> numberedPidFiles(String prefix) throws IOException {
    java.util.SortedMap<Integer, Path> files = new java.util.TreeMap<>();
    if (!Files.isDirectory(logDir)) {
      return files;
    }
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix)
        + "(\\d{1,4})\\.pid");
    try (java.util.stream.Stream<Path> list = Files.list(logDir)) {
      for (Path file : list.toList()) {
        java.util.regex.Matcher m = pattern.matcher(file.getFileName().toString());
        if (m.matches()) {
          files.put(Integer.parseInt(m.group(1)), file);
        }
      }
    }
    return files;
  }

  /** The pid in {@code pidFile}, if it holds one. */
  static Optional<Long> pidIn(Path pidFile) {
    return read(pidFile).flatMap(text -> {
      try {
        return Optional.of(Long.parseLong(text));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
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

  /** Removes the JobManager's pid and address files. */
  void clear() throws IOException {
    Files.deleteIfExists(pidFile());
    Files.deleteIfExists(addressFile());
    Files.deleteIfExists(rpcAddressFile());
  }

  /**
   * Writes a JobManager's addresses for the commands that wait for them: host:port of the REST API at
   * {@code restUrl} to {@code addressFile} and {@code rpcAddress} to {@code rpcAddressFile}; a null file
   * is skipped.
   */
  static void writeAddresses(Path addressFile, String restUrl, Path rpcAddressFile, String rpcAddress)
      throws IOException {
    java.net.URI url = java.net.URI.create(restUrl); // http:// or https://
    writeLine(rpcAddressFile, rpcAddress);
    writeLine(addressFile, url.getHost() + ":" + url.getPort());
  }

  /**
   * Writes {@code line} to {@code file}, unless the file is null. The line goes to a file beside it that
   * is then renamed, because those waiting for the file read it as soon as it exists: a file written in
   * place can be seen empty or half written.
   */
  static void writeLine(Path file, String line) throws IOException {
    if (file != null) {
      Path written = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(written, line + System.lineSeparator(), StandardCharsets.UTF_8);
      Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Deletes those of {@code files} that exist, skipping nulls; one that cannot be deleted is logged. */
  static void deleteQuietly(Path... files) {
    for (Path file : files) {
      if (file == null) {
        continue;
      }
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        org.slf4j.LoggerFactory.getLogger(ClusterFiles.class).warn("Cannot delete {}", file, e);
      }
    }
  }

  /** The stripped text of {@code file}, if it exists and is not blank. */
  static Optional<String> read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
