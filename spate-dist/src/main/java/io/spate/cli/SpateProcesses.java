package io.spate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.io.Writer;
import java.util.Properties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts {@code spate} commands as background processes of this machine, with the same JVM and class path. */
final class SpateProcesses {

  private SpateProcesses() {}

  /**
   * Starts {@code spate <spateArguments>} with the configuration file {@code config} (null for none)
   * and {@code overrides} as -D options, handed over in a file only the user can read (never on the
   * command line), appending its output to {@code logFile} after a line that
   * names {@code startedBy}.
   */
  static Process launch(List<String> spateArguments, Path logFile, Path config, Map<String, String> overrides,
      String startedBy) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    String javaOpts = System.getenv("SPATE_JAVA_OPTS");
    if (javaOpts != null && !javaOpts.isBlank()) {
      command.addAll(List.of(javaOpts.trim().split("\\s+")));
    }
    command.add("-Dspate.home=" + ClusterFiles.home());
    // Names the process's log file to it (Flink's property), so that its REST API can serve its logs.
    command.add("-Dlog.file=" + logFile.toAbsolutePath());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SpateCli.class.getName()));
    command.addAll(spateArguments);
    if (config != null) {
      command.addAll(List.of("--config", config.toString()));
    }
    // The options may hold secrets (tokens, passwords): they go in a file only the user can read,
    // which the process deletes once it has read it, never on its command line, which any user sees.
    Path optionsFile = overrides.isEmpty() ? null : writeOptionsFile(logFile.getParent(), overrides);
    if (optionsFile != null) {
      command.addAll(List.of("--options-file", optionsFile.toString()));
    }
    Files.writeString(logFile, "---- " + Instant.now() + " " + startedBy + System.lineSeparator(),
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Process process;
    try {
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
    } catch (IOException | RuntimeException e) {
      ClusterFiles.deleteQuietly(optionsFile);
      throw e;
    }
    if (optionsFile != null) {
      // A process that ends before it read its file (it failed to start) leaves it behind otherwise.
      process.onExit().thenRun(() -> ClusterFiles.deleteQuietly(optionsFile));
    }
    return process;
  }

  /** The prefix of the options files in a log directory, for removing any left behind. */
  static final String OPTIONS_FILE_PREFIX = ".spate-options-";

  private static Path writeOptionsFile(Path dir, Map<String, String> overrides) throws IOException {
    Path file = Files.createTempFile(dir, OPTIONS_FILE_PREFIX, ".properties",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Properties properties = new Properties();
    properties.putAll(overrides);
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(writer, "-D options of a process started by spate; deleted once read");
    } catch (IOException | RuntimeException e) {
      ClusterFiles.deleteQuietly(file);
      throw e;
    }
    return file;
  }

  /** Deletes the options files left in {@code dir} by processes that never read them. */
  static void removeLeftOptionsFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      files.filter(f -> f.getFileName().toString().startsWith(OPTIONS_FILE_PREFIX))
          .forEach(ClusterFiles::deleteQuietly);
    }
  }
}
