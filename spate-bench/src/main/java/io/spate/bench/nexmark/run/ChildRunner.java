package io.spate.bench.nexmark.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one runner in a child JVM, waits for it with a time limit and reads its JSON result; any
 * failure (a crash, a timeout, missing output) becomes an error result rather than an exception.
 */
final class ChildRunner {

  private final String java;
  private final List<String> jvmOptions;
  private final Duration timeout;
  private final Path workDir;

  ChildRunner(List<String> jvmOptions, Duration timeout, Path workDir) {
    this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    this.jvmOptions = List.copyOf(jvmOptions);
    this.timeout = timeout;
    this.workDir = workDir;
  }

  /** Runs {@code mainClass} on {@code classpath} with {@code options}; its log goes next to its output. */
  RunResult run(String engine, String mainClass, String classpath, RunnerOptions options) {
    Path log = Path.of(options.out().toString().replaceFirst("\\.json$", "") + ".log");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.add("-Djava.io.tmpdir=" + workDir.toAbsolutePath());
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(options.toArgs());
    try {
      Files.deleteIfExists(options.out());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return RunResult.failed(engine, options.query(), "timed out after " + timeout.toSeconds() + " s (log: " + log + ")");
      }
      if (Files.exists(options.out())) {
        RunResult result = RunResult.read(options.out());
        if (result.isError()) {
          return RunResult.failed(engine, options.query(), result.error() + " (log: " + log + ")");
        }
        return result;
      }
      return RunResult.failed(engine, options.query(),
          "exited with " + process.exitValue() + " and wrote no result; last log lines: " + tail(log));
    } catch (IOException e) {
      return RunResult.failed(engine, options.query(), "could not run the child JVM: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return RunResult.failed(engine, options.query(), "interrupted");
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
