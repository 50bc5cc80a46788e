package io.spate.bench.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one Kafka runner in a child JVM, waits for it with a time limit and reads its JSON result;
 * any failure (a crash, a timeout, missing output) becomes an error result rather than an exception.
 */
final class KafkaChildRunner {

  private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private final List<String> jvmOptions;
  private final Duration timeout;
  private final Path tmpDir;

  KafkaChildRunner(List<String> jvmOptions, Duration timeout, Path tmpDir) {
    this.jvmOptions = List.copyOf(jvmOptions);
    this.timeout = timeout;
    this.tmpDir = tmpDir;
  }

  /** Runs {@code mainClass} on {@code classpath}; its log goes next to its result file. */
  KafkaRunResult run(String engine, String mainClass, String classpath, KafkaRunnerOptions options) {
    String workload = options.workload().id();
    Path log = Path.of(options.out().toString().replaceFirst("\\.json$", "") + ".log");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.add("-Djava.io.tmpdir=" + tmpDir.toAbsolutePath());
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(options.toArgs());
    try {
      Files.deleteIfExists(options.out());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return KafkaRunResult.failed(engine, workload, "timed out after " + timeout.toSeconds() + " s (log: " + log + ")");
      }
      if (Files.exists(options.out())) {
        KafkaRunResult result = KafkaRunResult.read(options.out());
        return result.isError() ? result.failedBecause(result.error() + " (log: " + log + ")") : result;
      }
      return KafkaRunResult.failed(engine, workload,
          "exited with " + process.exitValue() + " and wrote no result; last log lines: " + tail(log));
    } catch (IOException e) {
      return KafkaRunResult.failed(engine, workload, "could not run the child JVM: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return KafkaRunResult.failed(engine, workload, "interrupted");
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
